package health.mediquo.webhooks.erasure;

import health.mediquo.webhooks.inbox.Delivery;
import health.mediquo.webhooks.inbox.DeliveryRemoval;
import health.mediquo.webhooks.inbox.DeliveryStatus;
import health.mediquo.webhooks.privacy.SealedPlace;
import health.mediquo.webhooks.privacy.UnreadableCiphertext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch at a time of a patient's data, in the caller's transaction: an interrupted erasure leaves whole deliveries
 * behind, never half of one, and erasing again removes the rest. A delivery goes with its report and its
 * notification, sent or still waiting in the outbox: a waiting one is never sent.
 */
@ApplicationScoped
public class PatientErasure {

    static final int BATCH_DELIVERIES = 200;

    private static final List<DeliveryStatus> UNREPORTED = List.of(DeliveryStatus.REJECTED, DeliveryStatus.IGNORED);

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    DeliveryRemoval removal;

    /** The deliveries whose report is the patient's. */
    long reportedDeliveries(String patientCode) {
        return entityManager
                .createQuery("SELECT COUNT(r) FROM PatientReport r WHERE r.patientCode = :code", Long.class)
                .setParameter("code", patientCode)
                .getSingleResult();
    }

    /** The deliveries that made no report, each of which may name the patient. */
    long unreportedDeliveries() {
        return entityManager
                .createQuery("SELECT COUNT(d) FROM Delivery d WHERE d.status IN :statuses", Long.class)
                .setParameter("statuses", UNREPORTED)
                .getSingleResult();
    }

    /** Removes the next batch of deliveries whose report is the patient's. */
    DeliveryRemoval.Removed eraseReported(String patientCode) {
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
     * @return the last id looked at, or null when none is left; the deliveries whose body did not open, left as they
     *     were
     */
    Scanned eraseUnreported(String patientCode, String afterId) {
        List<Delivery> batch = entityManager
                .createQuery(
                        "SELECT d FROM Delivery d WHERE d.status IN :statuses AND d.id > :after ORDER BY d.id",
                        Delivery.class)
                .setParameter("statuses", UNREPORTED)
                .setParameter("after", afterId)
                .setMaxResults(BATCH_DELIVERIES)
                .getResultList();
        if (batch.isEmpty()) {
            return new Scanned(0, DeliveryRemoval.Removed.NOTHING, List.of(), null);
        }
        // Any JSON string equal to the code: the patient's place in an unknown or invalid event is not known.
        String named = Json.createValue(patientCode).toString();
        List<String> patients = new ArrayList<>();
        List<SealedPlace> unreadable = new ArrayList<>();
        for (Delivery delivery : batch) {
            try {
                if (delivery.body().contains(named)) {
                    patients.add(delivery.id());
                }
            } catch (UnreadableCiphertext e) {
                unreadable.add(e.place());
            }
        }
        return new Scanned(
                batch.size(),
                removal.remove(patients),
                unreadable,
                batch.get(batch.size() - 1).id());
    }

    /** What one look through removed, what it could not open, and where the next one starts. */
    record Scanned(int rows, DeliveryRemoval.Removed removed, List<SealedPlace> unreadable, String lastId) {}
}
