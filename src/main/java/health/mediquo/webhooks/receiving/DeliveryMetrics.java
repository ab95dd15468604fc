package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.RejectedDeliveriesWaiting;
import health.mediquo.webhooks.metrics.Meters;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Counts deliveries: acknowledged ones by event type and outcome, refused ones by reason, the time each acknowledged one
 * took, and the rejected ones that wait in the inbox.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    Meters meters;

    @Resource(lookup = "jdbc/mediquo")
    DataSource database;

    /** Registered while the application starts, on its thread; the gauge itself is read on the metrics endpoint's. */
    void gaugeRejectedWaiting(@Observes @Initialized(ApplicationScoped.class) Object started) {
        meters.gauge(
                "mediquo.inbox.rejected",
                "Authentic deliveries kept as rejected (422), waiting to be reprocessed",
                () -> RejectedDeliveriesWaiting.count(database));
    }

    void acknowledged(String eventType, Receipt.Outcome outcome, Duration takenIn) {
        meters.count(
                "mediquo.deliveries",
                1,
                "type",
                eventType,
                "outcome",
                outcome.name().toLowerCase(Locale.ROOT));
        meters.time("mediquo.delivery.processing", "Time to take in one acknowledged delivery", takenIn);
    }

    void rejected(WebhookRejection rejection) {
        meters.count("mediquo.deliveries.rejected", 1, "reason", rejection.problemType());
    }
}
