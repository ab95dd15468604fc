package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.DeliveryStatus;
import java.util.Optional;

/**
 * A body as today's receiver reads it.
 *
 * @param event the event of its type, or empty when the type is unknown to this receiver
 */
public record Decoded(Envelope envelope, Optional<Object> event) {

    /** What the delivery becomes once its event, if any, has been fired. */
    DeliveryStatus status() {
        return event.isPresent() ? DeliveryStatus.PROCESSED : DeliveryStatus.IGNORED;
    }
}
