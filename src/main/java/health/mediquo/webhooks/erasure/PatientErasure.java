package health.mediquo.webhooks.erasure;

import health.mediquo.webhooks.inbox.Delivery;
import health.mediquo.webhooks.inbox.DeliveryRemoval;
import health.mediquo.webhooks.inbox.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * One batch at a time of a patient's data, each in its own transaction: an interrupted erasure leaves whole deliveries
 * behind, never half of one, and erasing again removes the rest. A delivery goes with its report and its
 * notification, sent or still waiting in the outbox: a waiting one is never sent.
 */
@ApplicationScoped
public class PatientErasure {

    static final int BATCH_DELIVERIES = 200;

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    DeliveryRemoval removal;

    /** Removes the next batch of deliveries whose report is the patient's. */
    @Transactional
    public DeliveryRemoval.Removed eraseReported(String patientCode) {
        return removal.remove(entityManager
                .createQuery("SELECT r.deliveryId FROM PatientReport r WHERE r.patientCode = :code", String.class)
                .setParameter("code", patientCode)
                .setMaxResults(BATCH_DELIVERIES)
                .getResultList());
    }

    /**
     * Looks through the next batch of deliveries that made no report (rejected, or of a type this receiver ignores)
     * after {@code afterId}, and removes those whose body names the patient: their bodies are sealed, so each is opened.
     *
     * @return the last id looked at, or null when none is left
     */
    @Transactional
    public Scanned eraseUnreported(String patientCode, String afterId) {
        List<Delivery> batch = entityManager
                .createQuery(
                        "SELECT d FROM Delivery d WHERE d.status IN :statuses AND d.id > :after ORDER BY d.id",
                        Delivery.class)
                .setParameter("statuses", List.of(DeliveryStatus.REJECTED, DeliveryStatus.IGNORED))
                .setParameter("after", afterId)
                .setMaxResults(BATCH_DELIVERIES)
                .getResultList();
        if (batch.isEmpty()) {
            return new Scanned(DeliveryRemoval.Removed.NOTHING, null);
        }
        // Any JSON string equal to the code: the patient's place in an unknown or invalid event is not known.
        String named = Json.createValue(patientCode).toString();
        List<String> patients = batch.stream()
                .filter(delivery -> delivery.body().contains(named))
                .map(Delivery::id)
                .toList();
        return new Scanned(removal.remove(patients), batch.get(batch.size() - 1).id());
    }

    /** What one look through removed, and where the next one starts. */
    public record Scanned(DeliveryRemoval.Removed removed, String lastId) {}
}
