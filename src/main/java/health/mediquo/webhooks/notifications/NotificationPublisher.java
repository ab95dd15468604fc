package health.mediquo.webhooks.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Publishes a batch of outbox entries: locks them, sends them, marks them published, in one database transaction.
 * The JMS send is not part of that transaction (no two-phase commit per message): a crash after the send and before
 * the commit publishes the batch again, which is the at-least-once the JMSCorrelationID lets consumers absorb.
 */
@ApplicationScoped
public class NotificationPublisher {

    @Inject
    Outbox outbox;

    @Inject
    PatientReportsQueue queue;

    /**
     * @return how many were published now; entries already published, by another publisher, are skipped (the row
     *     locks keep two publishers from sending the same entry)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int publish(List<String> notificationIds) {
        List<Notification> waiting = notificationIds.stream()
                .map(outbox::lockUnpublished)
                .flatMap(Optional::stream)
                .toList();
        queue.send(waiting);
        Instant now = Instant.now();
        waiting.forEach(notification -> notification.markPublished(now));
        return waiting.size();
    }
}
