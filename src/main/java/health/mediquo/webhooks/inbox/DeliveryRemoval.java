package health.mediquo.webhooks.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Removes deliveries with everything that refers to them: their notifications and their reports. */
@ApplicationScoped
public class DeliveryRemoval {

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    /** In the caller's transaction. */
    public Removed remove(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Removed.NOTHING;
        }
        int notifications = entityManager
                .createQuery("DELETE FROM Notification n WHERE n.deliveryId IN :ids")
                .setParameter("ids", deliveryIds)
                .executeUpdate();
        int reports = entityManager
                .createQuery("DELETE FROM PatientReport r WHERE r.deliveryId IN :ids")
                .setParameter("ids", deliveryIds)
                .executeUpdate();
        int deliveries = entityManager
                .createQuery("DELETE FROM Delivery d WHERE d.id IN :ids")
                .setParameter("ids", deliveryIds)
                .executeUpdate();
        return new Removed(deliveries, reports, notifications);
    }

    /** What a removal took away. */
    public record Removed(long deliveries, long reports, long notifications) {

        public static final Removed NOTHING = new Removed(0, 0, 0);

        public Removed plus(Removed other) {
            return new Removed(
                    deliveries + other.deliveries, reports + other.reports, notifications + other.notifications);
        }
    }
}
