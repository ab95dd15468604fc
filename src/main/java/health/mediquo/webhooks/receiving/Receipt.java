package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.DeliveryId;

/** How a delivery was taken in: each outcome is acknowledged, and only once it is committed. */
public record Receipt(DeliveryId delivery, Outcome outcome) {

    public enum Outcome {
        /** Stored, and the event of its type fired. */
        ACCEPTED,
        /** The same body was stored before; nothing fired again. */
        DUPLICATE,
        /** Stored, but of an event type this receiver does not know yet. */
        IGNORED
    }
}
