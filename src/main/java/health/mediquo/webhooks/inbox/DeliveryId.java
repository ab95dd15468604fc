package health.mediquo.webhooks.inbox;

import java.util.UUID;

/** Identifies one stored delivery; it names the delivery in answers, reports and JMS messages. */
public record DeliveryId(UUID value) {

    public static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID());
    }

    public static DeliveryId of(String text) {
        return new DeliveryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
