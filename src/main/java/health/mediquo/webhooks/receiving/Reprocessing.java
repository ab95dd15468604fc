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
 * Runs a rejected delivery through today's parser and observers, as if it had just arrived: what an upgraded receiver
 * accepts is archived and notified in the same transaction as its new status.
 */
@ApplicationScoped
public class Reprocessing {

    @Inject
    Inbox inbox;

    @Inject
    DeliveryDecoder decoder;

    @Inject
    EnvelopeParser envelopeParser;

    @Inject
    Event<Object> events;

    /** @return empty when there is no such delivery */
    @Transactional
    public Optional<Reprocessed> reprocess(DeliveryId id) {
        return inbox.lockedForUpdate(id).map(delivery -> reprocess(id, delivery));
    }

    private Reprocessed reprocess(DeliveryId id, Delivery delivery) {
        if (delivery.status() != DeliveryStatus.REJECTED) {
            return new Reprocessed(Reprocessed.Outcome.NOT_REJECTED, null);
        }
        try {
            Decoded decoded = decoder.decode(id, delivery.receivedAt(), delivery.body());
            Envelope envelope = decoded.envelope();
            delivery.processedAs(decoded.status(), envelope.type(), envelope.occurredOn());
            decoded.event().ifPresent(events::fire);
            return new Reprocessed(
                    decoded.event().isPresent() ? Reprocessed.Outcome.PROCESSED : Reprocessed.Outcome.IGNORED, null);
        } catch (InvalidEnvelope invalid) {
            EnvelopeParser.Heading heading = envelopeParser.heading(delivery.body());
            delivery.rejectedFor(invalid.deliveryProblem(), heading.type(), heading.occurredOn());
            return new Reprocessed(Reprocessed.Outcome.STILL_REJECTED, invalid.problem());
        }
    }
}
