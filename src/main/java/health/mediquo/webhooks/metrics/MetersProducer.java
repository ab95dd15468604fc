package health.mediquo.webhooks.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Picks the metrics API the server provides. The implementation of the other API is never loaded: its classes would
 * not resolve on that server. The registry is looked up through an injected {@link Instance}, not {@code CDI.current()},
 * because Payara's registry producer reads the annotations of the injection point.
 */
@ApplicationScoped
class MetersProducer {

    private static final Logger LOG = Logger.getLogger(MetersProducer.class.getName());

    @Produces
    @ApplicationScoped
    Meters meters(Instance<Object> beans) {
        if (provided(MicroProfileMeters.API)) {
            return MicroProfileMeters.of(beans);
        }
        if (provided(MicrometerMeters.API)) {
            LOG.info("Application metrics recorded with Micrometer");
            return MicrometerMeters.of(beans);
        }
        throw new IllegalStateException("The server provides neither MicroProfile Metrics nor Micrometer; on WildFly,"
                + " add the micrometer subsystem (server-config/wildfly)");
    }

    void removeGauges(@Disposes Meters meters) {
        meters.removeGauges();
    }

    private static boolean provided(String apiClass) {
        try {
            Class.forName(apiClass, false, MetersProducer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
