package health.mediquo.webhooks.inbox;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to a replay: a new notification of the delivery is on its way. */
@JsonbPropertyOrder({"status", "deliveryId"})
public record ReplayAccepted(
        String status, @JsonbProperty("delivery_id") String deliveryId) {}
