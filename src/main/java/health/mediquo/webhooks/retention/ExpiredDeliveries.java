package health.mediquo.webhooks.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deliveries received before a cutoff, removed with everything that refers to them. A delivery whose notification is
 * still waiting in the outbox is kept until it is published: purging must not lose an acknowledged notice.
 */
@ApplicationScoped
public class ExpiredDeliveries {

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    /** Removes up to {@code limit} deliveries received before the cutoff, in one transaction. */
    @Transactional
    public Purged purgeBatch(Instant cutoff, int limit) {
        List<String> expired = entityManager
                .createQuery(
                        "SELECT d.id FROM Delivery d WHERE d.receivedAt < :cutoff AND NOT EXISTS"
                                + " (SELECT n FROM Notification n WHERE n.deliveryId = d.id AND n.publishedAt IS NULL)"
                                + " ORDER BY d.receivedAt",
                        String.class)
                .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
        if (expired.isEmpty()) {
            return new Purged(0, 0);
        }
        entityManager
                .createQuery("DELETE FROM Notification n WHERE n.deliveryId IN :expired")
                .setParameter("expired", expired)
                .executeUpdate();
        int reports = entityManager
                .createQuery("DELETE FROM PatientReport r WHERE r.deliveryId IN :expired")
                .setParameter("expired", expired)
                .executeUpdate();
        int deliveries = entityManager
                .createQuery("DELETE FROM Delivery d WHERE d.id IN :expired")
                .setParameter("expired", expired)
                .executeUpdate();
        return new Purged(deliveries, reports);
    }

    /** What one purge removed. */
    public record Purged(long deliveries, long reports) {

        Purged plus(Purged other) {
            return new Purged(deliveries + other.deliveries, reports + other.reports);
        }
    }
}
