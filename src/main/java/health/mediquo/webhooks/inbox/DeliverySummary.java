package health.mediquo.webhooks.inbox;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Locale;

/**
 * A delivery's metadata: what arrived when, and what became of it.
 *
 * @param eventType absent when a rejected delivery has no valid type
 * @param occurredOn absent when a rejected delivery has no valid time
 * @param bodyDigest the body's keyed digest, {@code KEYID:HEX}: equal for equal bodies under one digest key
 * @param problem what a rejected delivery was answered; absent otherwise
 */
@JsonbPropertyOrder({"id", "eventType", "status", "occurredOn", "receivedAt", "bodyDigest", "problem"})
public record DeliverySummary(
        String id,
        @JsonbProperty("event_type") String eventType,
        String status,
        @JsonbProperty("occurred_on") Instant occurredOn,
        @JsonbProperty("received_at") Instant receivedAt,
        @JsonbProperty("body_digest") String bodyDigest,
        DeliveryProblem problem) {

    static DeliverySummary of(Delivery delivery) {
        return new DeliverySummary(
                delivery.id(),
                delivery.eventType(),
                delivery.status().name().toLowerCase(Locale.ROOT),
                delivery.occurredOn(),
                delivery.receivedAt(),
                delivery.bodyDigest(),
                delivery.problem());
    }
}
