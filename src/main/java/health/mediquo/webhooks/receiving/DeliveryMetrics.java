package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.RejectedDeliveriesWaiting;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts deliveries: acknowledged ones by event type and outcome, refused ones by reason, and the rejected ones that
 * wait in the inbox.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MetricRegistry metrics;

    @Resource(lookup = "jdbc/mediquo")
    DataSource database;

    /** Registered while the application starts, on its thread; the gauge itself is read on the metrics endpoint's. */
    void gaugeRejectedWaiting(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(
                Metadata.builder()
                        .withName("mediquo.inbox.rejected")
                        .withUnit(MetricUnits.NONE)
                        .withDescription("Authentic deliveries kept as rejected (422), waiting to be reprocessed")
                        .build(),
                database,
                RejectedDeliveriesWaiting::count);
    }

    void acknowledged(String eventType, Receipt.Outcome outcome) {
        metrics.counter(
                        "mediquo.deliveries",
                        new Tag("type", eventType),
                        new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT)))
                .inc();
    }

    void rejected(WebhookRejection rejection) {
        metrics.counter("mediquo.deliveries.rejected", new Tag("reason", rejection.problemType()))
                .inc();
    }
}
