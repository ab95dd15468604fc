package health.mediquo.webhooks.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Publishes the next batch of the outbox: claims it in a database transaction, sends it in one JMS transaction of its
 * own (one broker commit for the batch), marks it published and commits the claim. There is no two-phase commit: a
 * crash between the two commits sends the batch again later, from this server or another, which is the at-least-once
 * the JMSCorrelationID lets consumers absorb.
 */
@ApplicationScoped
public class NotificationPublisher {

    @Inject
    Outbox outbox;

    @Inject
    PatientReportsQueue queue;

    /**
     * @return how many notifications were published; fewer than {@code limit} when no more were waiting unclaimed
     * @throws NotificationNotSent when the broker did not take the batch; it stays waiting
     */
    @Transactional
    public int publishNextBatch(int limit) {
        List<Notification> batch = outbox.claimWaiting(limit);
        if (!batch.isEmpty()) {
            queue.send(batch);
            outbox.markPublished(batch.stream().map(Notification::id).toList(), Instant.now());
        }
        return batch.size();
    }
}
