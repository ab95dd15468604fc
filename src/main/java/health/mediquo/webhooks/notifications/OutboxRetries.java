package health.mediquo.webhooks.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's clock: every few seconds, what is still in the outbox is tried again. An EJB timer rather than a
 * scheduled executor, because its ticks run as proper component invocations from the application's start on.
 */
@Singleton
@Startup
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

    @PostConstruct
    void startTicking() {
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
