package health.mediquo.webhooks.retention;

import health.mediquo.webhooks.inbox.DeliveryRemoval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    DeliveryRemoval removal;

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
        DeliveryRemoval.Removed removed = removal.remove(expired);
        return new Purged(removed.deliveries(), removed.reports());
    }

    /** What one purge removed. */
    public record Purged(long deliveries, long reports) {

        Purged plus(Purged other) {
            return new Purged(deliveries + other.deliveries, reports + other.reports);
        }
    }
}
