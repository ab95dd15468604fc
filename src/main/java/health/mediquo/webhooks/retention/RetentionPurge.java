package health.mediquo.webhooks.retention;

import health.mediquo.webhooks.metrics.Meters;
import health.mediquo.webhooks.operations.SchemaMigrated;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges what is older than {@code mediquo.retention.days} (off unless set), every
 * {@code mediquo.retention.interval-seconds}. Each batch commits on its own, so a purge of a large backlog neither
 * holds a long transaction nor loses its progress when interrupted. A non-persistent EJB timer: every instance purges,
 * and the batches of two instances at once only delete disjoint or already deleted rows.
 */
@Singleton
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());
    static final int BATCH = 500;

    @Resource
    TimerService timers;

    @Inject
    ExpiredDeliveries expired;

    @Inject
    Meters meters;

    @Inject
    @ConfigProperty(name = "mediquo.retention.days", defaultValue = "0")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "mediquo.retention.interval-seconds", defaultValue = "3600")
    long intervalSeconds;

    /** A business method, as an EJB's observer must be; the first purge must not come before the tables. */
    public void schedule(@Observes SchemaMigrated schemaReady) {
        if (retentionDays <= 0) {
            LOG.info("Retention is off (mediquo.retention.days): deliveries and reports are kept indefinitely");
            return;
        }
        LOG.info(() -> "Retention: deliveries and reports are purged %d days after receipt, checked every %d s"
                .formatted(retentionDays, intervalSeconds));
        long interval = intervalSeconds * 1_000;
        timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(retentionDays));
        ExpiredDeliveries.Purged total = new ExpiredDeliveries.Purged(0, 0);
        ExpiredDeliveries.Purged batch;
        do {
            batch = expired.purgeBatch(cutoff, BATCH);
            total = total.plus(batch);
        } while (batch.deliveries() == BATCH);
        if (total.deliveries() > 0) {
            count("deliveries", total.deliveries());
            count("reports", total.reports());
            ExpiredDeliveries.Purged purged = total;
            LOG.info(() -> "Retention purge removed %d deliveries and %d reports received before %s"
                    .formatted(purged.deliveries(), purged.reports(), cutoff));
        }
    }

    private void count(String kind, long rows) {
        meters.count("mediquo.retention.purged", rows, "kind", kind);
    }
}
