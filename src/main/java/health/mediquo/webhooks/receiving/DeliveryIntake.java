package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.Delivery;
import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.inbox.DeliveryStatus;
import health.mediquo.webhooks.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The unit of work of one delivery: record it in the inbox and fire its event, so that the observers' writes commit
 * together with the delivery or not at all.
 */
@ApplicationScoped
public class DeliveryIntake {

    @Inject
    Inbox inbox;

    @Inject
    Event<Object> events;

    /** @param event the decoded event, or empty when the type is unknown to this receiver */
    @Transactional
    public Receipt takeIn(RawDelivery raw, Envelope envelope, Optional<Object> event) {
        Optional<DeliveryId> earlier = inbox.findByBodyHash(raw.sha256());
        if (earlier.isPresent()) {
            return new Receipt(earlier.get(), Receipt.Outcome.DUPLICATE);
        }
        DeliveryStatus status = event.isPresent() ? DeliveryStatus.PROCESSED : DeliveryStatus.IGNORED;
        inbox.record(new Delivery(
                raw.id(), raw.sha256(), raw.text(), envelope.type(), envelope.occurredOn(), raw.receivedAt(), status));
        event.ifPresent(events::fire);
        return new Receipt(raw.id(), event.isPresent() ? Receipt.Outcome.ACCEPTED : Receipt.Outcome.IGNORED);
    }
}
