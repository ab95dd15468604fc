package health.mediquo.webhooks.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

    void add(Notification notification) {
        entityManager.persist(notification);
    }

    /** The notification, locked until the transaction ends, unless it is already published. */
    Optional<Notification> lockUnpublished(String id) {
        return Optional.ofNullable(entityManager.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(notification -> !notification.isPublished());
    }

    /** Oldest first, those recorded before {@code recordedBefore} and not published yet. */
    List<String> unpublished(Instant recordedBefore, int limit) {
        return entityManager
                .createQuery(
                        "SELECT n.id FROM Notification n WHERE n.publishedAt IS NULL AND n.createdAt < :before"
                                + " ORDER BY n.createdAt",
                        String.class)
                .setParameter("before", recordedBefore.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
    }

    long backlog() {
        return entityManager
                .createQuery("SELECT COUNT(n) FROM Notification n WHERE n.publishedAt IS NULL", Long.class)
                .getSingleResult();
    }
}
