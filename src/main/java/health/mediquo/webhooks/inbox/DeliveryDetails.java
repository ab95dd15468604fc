package health.mediquo.webhooks.inbox;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A delivery's metadata and its raw body, exactly as MediQuo sent it (role {@code webhook-admin} only). */
@JsonbPropertyOrder({"delivery", "body"})
public record DeliveryDetails(DeliverySummary delivery, String body) {

    static DeliveryDetails of(Delivery delivery) {
        return new DeliveryDetails(DeliverySummary.of(delivery), delivery.body());
    }
}
