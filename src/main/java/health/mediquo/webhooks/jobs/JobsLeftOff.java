package health.mediquo.webhooks.jobs;

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
 * Every few seconds, looks for jobs whose instance stopped or died (their lease ran out) and takes them up. An EJB
 * timer, as for the outbox's retries; it starts once the schema is migrated.
 */
@Singleton
public class JobsLeftOff {

    @Resource
    TimerService timers;

    @Inject
    Jobs jobs;

    @Inject
    @ConfigProperty(name = "mediquo.jobs.check-seconds", defaultValue = "10")
    long periodSeconds;

    /** A business method, as an EJB's observer must be. */
    public void startLooking(@Observes SchemaMigrated schemaReady) {
        long period = periodSeconds * 1_000;
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void lookForLeftOffJobs() {
        jobs.takeUpLeftOff();
    }
}
