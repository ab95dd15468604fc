package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.metrics.Meters;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves notifications from the outbox to JMS. Each commit that recorded one wakes a single drain, off the request
 * threads, which publishes everything waiting in batches (many commits, one drain); and on every
 * {@link OutboxRetries} tick whatever is still waiting is tried again (the broker was down, a server stopped or died
 * before publishing). Within a server one publication runs at a time; between servers sharing the database each batch
 * is claimed by one of them ({@link Outbox#claimWaiting}), so nothing is sent twice but after a failure.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH_SIZE = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    NotificationPublisher publisher;

    @Resource(lookup = "jdbc/mediquo")
    DataSource database;

    @Inject
    Meters meters;

    @Inject
    @ConfigProperty(name = OutboxRetries.PERIOD_KEY, defaultValue = OutboxRetries.DEFAULT_PERIOD_SECONDS)
    long retrySeconds;

    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReentrantLock publishing = new ReentrantLock();

    void gaugeBacklog(@Observes @Initialized(ApplicationScoped.class) Object started) {
        meters.gauge(
                "mediquo.outbox.backlog",
                "Notifications recorded but not published yet",
                () -> UnpublishedNotifications.count(database));
    }

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
                        publishWaiting();
                    } finally {
                        publishing.unlock();
                    }
                }
            } finally {
                draining.set(false);
            }
        } while (drainRequested.get() && draining.compareAndSet(false, true));
    }

    /** What is still waiting: after an outage, or a stop before publication. Leaves the work to a drain under way. */
    public void publishBacklog() {
        if (publishing.tryLock()) {
            try {
                publishWaiting();
            } finally {
                publishing.unlock();
            }
        }
    }

    /** Publishes, batch after batch, until none is left unclaimed or JMS fails. */
    private void publishWaiting() {
        try {
            int published;
            do {
                published = publisher.publishNextBatch(BATCH_SIZE);
                count("published", published);
            } while (published == BATCH_SIZE);
        } catch (NotificationNotSent e) {
            count("failed", e.notifications());
            LOG.log(
                    Level.WARNING,
                    "Notifications not published, will retry; {0} notifications wait in the outbox: {1}",
                    new Object[] {UnpublishedNotifications.count(database), e.toString()});
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the outbox; will try again in {0} s: {1}", new Object[] {
                retrySeconds, e.toString()
            });
        }
    }

    private void count(String result, long notifications) {
        meters.count("mediquo.notifications", notifications, "result", result);
    }
}
