package health.mediquo.webhooks.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Publishes a batch of outbox entries: sends them in one JMS transaction (one broker commit for the batch), then
 * marks them published in one database transaction. There is no two-phase commit: a crash between the two sends the
 * batch again later, which is the at-least-once the JMSCorrelationID lets consumers absorb.
 */
@ApplicationScoped
public class NotificationPublisher {

    @Inject
    Outbox outbox;

    @Inject
    PatientReportsQueue queue;

    public void publish(List<Notification> batch) {
        queue.send(batch);
        outbox.markPublished(batch.stream().map(Notification::id).toList(), Instant.now());
    }
}
