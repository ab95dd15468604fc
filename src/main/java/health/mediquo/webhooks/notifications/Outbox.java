package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.inbox.DeliveryId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void markPublished(List<String> ids, Instant when) {
        entityManager
                .createQuery("UPDATE Notification n SET n.publishedAt = :when WHERE n.id IN :ids")
                .setParameter("when", when.atOffset(ZoneOffset.UTC))
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /**
     * Oldest first, those recorded before {@code recordedBefore} and not published yet. Read in a transaction of its
     * own: the relay's drain runs on a managed thread that inherits the committing request's invocation, and a
     * non-transactional EntityManager registered there is closed by both threads' cleanup, which fails the request
     * with a 500 after its answer was built.
     */
    @Transactional
    List<Notification> unpublished(Instant recordedBefore, int limit) {
        return entityManager
                .createQuery(
                        "SELECT n FROM Notification n WHERE n.publishedAt IS NULL AND n.createdAt < :before"
                                + " ORDER BY n.createdAt",
                        Notification.class)
                .setParameter("before", recordedBefore.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many notifications wait to be published. */
    @Gauge(
            name = "mediquo.outbox.backlog",
            unit = MetricUnits.NONE,
            absolute = true,
            description = "Notifications recorded but not published yet")
    @Transactional
    public long backlog() {
        return entityManager
                .createQuery("SELECT COUNT(n) FROM Notification n WHERE n.publishedAt IS NULL", Long.class)
                .getSingleResult();
    }
}
