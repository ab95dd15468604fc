package health.mediquo.webhooks.inbox;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to an operator's action on a delivery.
 *
 * @param status what was done: {@code replayed} (a new notification is on its way), or the status a reprocess gave
 *     the delivery ({@code processed}, {@code ignored})
 */
@JsonbPropertyOrder({"status", "deliveryId"})
public record ActionAccepted(
        String status, @JsonbProperty("delivery_id") String deliveryId) {}
