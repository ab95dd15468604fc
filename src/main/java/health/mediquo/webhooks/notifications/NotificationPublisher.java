package health.mediquo.webhooks.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Publishes one outbox entry: the JMS send and the mark "published" commit together, or neither does. */
@ApplicationScoped
public class NotificationPublisher {

    @Inject
    Outbox outbox;

    @Inject
    PatientReportsQueue queue;

    /** Publishes the notification unless it is published already; the row lock keeps two publishers apart. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void publish(String notificationId) {
        outbox.lockUnpublished(notificationId).ifPresent(notification -> {
            queue.send(notification);
            notification.markPublished(Instant.now());
        });
    }
}
