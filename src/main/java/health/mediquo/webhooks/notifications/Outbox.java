package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.inbox.DeliveryId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The notifications recorded, published or still waiting to be. */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    Event<NotificationRecorded> recorded;

    /** Adds the notification; it is published once the caller's transaction commits. */
    void add(Notification notification) {
        entityManager.persist(notification);
        recorded.fire(new NotificationRecorded(notification.id()));
    }

    /** The message last recorded about the delivery, if any was. */
    Optional<String> lastMessageAbout(DeliveryId delivery) {
        return entityManager
                .createQuery(
                        "SELECT n.message FROM Notification n WHERE n.deliveryId = :delivery ORDER BY n.createdAt DESC",
                        String.class)
                .setParameter("delivery", delivery.toString())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Up to {@code limit} waiting notifications, oldest first, locked until the caller's transaction ends. A claim
     * running meanwhile, on this server or another sharing the database, skips them instead of waiting: each entry is
     * published by one drain at a time, and a drain that dies releases its claim with its connection. Ordered as the
     * index {@code notification_unpublished} is, so that PostgreSQL walks that index, and marks the entries left by
     * published rows dead as it passes them, rather than bitmap-scanning every such entry again until the next vacuum.
     */
    @SuppressWarnings("unchecked")
    List<Notification> claimWaiting(int limit) {
        return entityManager
                .createNativeQuery(
                        "SELECT id, delivery_id, message, created_at, published_at FROM notification"
                                + " WHERE published_at IS NULL ORDER BY published_at, created_at LIMIT ?1"
                                + " FOR UPDATE SKIP LOCKED",
                        Notification.class)
                .setParameter(1, limit)
                .getResultList();
    }

    /** Marks the claimed notifications published, in the claim's transaction. */
    void markPublished(List<String> ids, Instant when) {
        entityManager
                .createQuery("UPDATE Notification n SET n.publishedAt = :when WHERE n.id IN :ids")
                .setParameter("when", when.atOffset(ZoneOffset.UTC))
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
