package health.mediquo.webhooks.inbox;

import java.util.UUID;

/** Identifies one stored delivery, in the order received; it names the delivery in answers, reports and JMS messages. */
public record DeliveryId(UUID value) {

    public static DeliveryId next() {
        return new DeliveryId(TimeOrderedIds.next());
    }

    public static DeliveryId of(String text) {
        return new DeliveryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
