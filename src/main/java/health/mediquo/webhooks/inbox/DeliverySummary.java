package health.mediquo.webhooks.inbox;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Locale;

/** A delivery's metadata: what arrived when, and what became of it. */
@JsonbPropertyOrder({"id", "eventType", "status", "occurredOn", "receivedAt", "bodySha256"})
public record DeliverySummary(
        String id,
        @JsonbProperty("event_type") String eventType,
        String status,
        @JsonbProperty("occurred_on") Instant occurredOn,
        @JsonbProperty("received_at") Instant receivedAt,
        @JsonbProperty("body_sha256") String bodySha256) {

    static DeliverySummary of(Delivery delivery) {
        return new DeliverySummary(
                delivery.id(),
                delivery.eventType(),
                delivery.status().name().toLowerCase(Locale.ROOT),
                delivery.occurredOn(),
                delivery.receivedAt(),
                delivery.bodySha256());
    }
}
