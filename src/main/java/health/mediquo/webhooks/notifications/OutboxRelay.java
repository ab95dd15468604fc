package health.mediquo.webhooks.notifications;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Moves notifications from the outbox to JMS: each one right after its delivery commits, off the request thread, and
 * on every {@link OutboxRetries} tick whatever is still waiting (the broker was down, the server stopped before).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH_SIZE = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    NotificationPublisher publisher;

    @Inject
    Outbox outbox;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = OutboxRetries.PERIOD_KEY, defaultValue = OutboxRetries.DEFAULT_PERIOD_SECONDS)
    long retrySeconds;

    void publishAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationRecorded recorded) {
        executor.execute(() -> tryToPublish(recorded.notificationId()));
    }

    /**
     * Publishes everything waiting, batch after batch, until the outbox is drained or the broker refuses. Entries
     * younger than one retry period are left to their after-commit publication.
     */
    public void publishBacklog() {
        Instant recordedBefore = Instant.now().minusSeconds(retrySeconds);
        try {
            List<String> waiting;
            do {
                waiting = outbox.unpublished(recordedBefore, BATCH_SIZE);
                for (String id : waiting) {
                    if (!tryToPublish(id)) {
                        return;
                    }
                }
            } while (waiting.size() == BATCH_SIZE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the outbox; will try again in {0} s: {1}", new Object[] {
                retrySeconds, e.toString()
            });
        }
    }

    private boolean tryToPublish(String notificationId) {
        try {
            publisher.publish(notificationId);
            metrics.counter("mediquo.notifications", new Tag("result", "published"))
                    .inc();
            return true;
        } catch (RuntimeException e) {
            metrics.counter("mediquo.notifications", new Tag("result", "failed"))
                    .inc();
            LOG.log(
                    Level.WARNING,
                    "Notification {0} not published, will retry; {1} notifications wait in the outbox: {2}",
                    new Object[] {notificationId, outbox.backlog(), e.toString()});
            return false;
        }
    }
}
