package health.mediquo.webhooks.notifications;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Moves notifications from the outbox to JMS. Each commit that recorded one wakes a single drain, off the request
 * threads, which publishes everything waiting in batches (many commits, one drain); and on every
 * {@link OutboxRetries} tick whatever is still waiting is tried again (the broker was down, the server stopped).
 * Within a server one publication runs at a time, so nothing is sent twice but after a failure; between servers the
 * ticks only take entries older than a retry period, which their own server's drain has normally published.
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

    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReentrantLock publishing = new ReentrantLock();

    void publishAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationRecorded recorded) {
        drainRequested.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false); // the next commit, or the next retry tick, publishes it
            }
        }
    }

    /** Runs until no commit asked for a drain since the last pass; at most one drain runs at a time. */
    private void drain() {
        do {
            try {
                while (drainRequested.getAndSet(false)) {
                    publishing.lock();
                    try {
                        publishWaiting(Instant.now());
                    } finally {
                        publishing.unlock();
                    }
                }
            } finally {
                draining.set(false);
            }
        } while (drainRequested.get() && draining.compareAndSet(false, true));
    }

    /**
     * What the drain has not published within one retry period: after an outage, or a stop before publication. A
     * tick that finds a publication under way leaves the work to it.
     */
    public void publishBacklog() {
        if (publishing.tryLock()) {
            try {
                publishWaiting(Instant.now().minusSeconds(retrySeconds));
            } finally {
                publishing.unlock();
            }
        }
    }

    /** Publishes, batch after batch, what was recorded before the given time, until none is left or JMS fails. */
    private void publishWaiting(Instant recordedBefore) {
        try {
            List<Notification> waiting;
            do {
                waiting = outbox.unpublished(recordedBefore, BATCH_SIZE);
                if (!waiting.isEmpty() && !tryToPublish(waiting)) {
                    return;
                }
            } while (waiting.size() == BATCH_SIZE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the outbox; will try again in {0} s: {1}", new Object[] {
                retrySeconds, e.toString()
            });
        }
    }

    private boolean tryToPublish(List<Notification> batch) {
        try {
            publisher.publish(batch);
            metrics.counter("mediquo.notifications", new Tag("result", "published"))
                    .inc(batch.size());
            return true;
        } catch (RuntimeException e) {
            metrics.counter("mediquo.notifications", new Tag("result", "failed"))
                    .inc(batch.size());
            LOG.log(
                    Level.WARNING,
                    "Notifications not published, will retry; {0} notifications wait in the outbox: {1}",
                    new Object[] {outbox.backlog(), e.toString()});
            return false;
        }
    }
}
