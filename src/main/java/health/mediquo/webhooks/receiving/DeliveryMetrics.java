package health.mediquo.webhooks.receiving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts deliveries: acknowledged ones by event type and outcome, refused ones by reason. */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MetricRegistry metrics;

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
