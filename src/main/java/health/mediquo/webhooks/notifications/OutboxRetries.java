package health.mediquo.webhooks.notifications;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's clock: every few seconds, what is still in the outbox is tried again. An EJB timer rather than a
 * scheduled executor, because its ticks run as proper component invocations; it starts once the schema is migrated.
 */
@Singleton
public class OutboxRetries {

    static final String PERIOD_KEY = "mediquo.outbox.retry-seconds";
    static final String DEFAULT_PERIOD_SECONDS = "5";

    @Resource
    TimerService timers;

    @Inject
    OutboxRelay relay;

    @Inject
    @ConfigProperty(name = PERIOD_KEY, defaultValue = DEFAULT_PERIOD_SECONDS)
    long periodSeconds;

    /** A business method, as an EJB's observer must be; the first tick must not come before the tables. */
    public void startTicking(@Observes SchemaMigrated schemaReady) {
        long period = periodSeconds * 1_000;
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    /** Each publication runs in a transaction of its own; the tick holds none open meanwhile. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        relay.publishBacklog();
    }
}
