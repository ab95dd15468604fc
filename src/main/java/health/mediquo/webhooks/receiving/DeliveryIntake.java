package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.Delivery;
import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.inbox.Inbox;
import health.mediquo.webhooks.privacy.BodyDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit of work of deliveries: record each in the inbox and fire its event, so that the observers' writes commit
 * together with their delivery or not at all. {@link GroupCommit} hands it the deliveries of concurrent requests, which
 * share one transaction.
 */
@ApplicationScoped
public class DeliveryIntake {

    @Inject
    Inbox inbox;

    @Inject
    EnvelopeParser envelopeParser;

    @Inject
    Reprocessing reprocessing;

    @Inject
    Event<Object> events;

    /** A delivery to take in: its body and what was decoded from it. */
    public record Arrival(RawDelivery raw, Decoded decoded) {}

    /**
     * Several deliveries in one unit of work (see {@link GroupCommit}); their receipts, in the same order. One query
     * finds the bodies received before; a body sent twice within the batch is taken in once, its second copy answered
     * as a duplicate of the first.
     */
    @Transactional
    public List<Receipt> takeInAll(List<Arrival> arrivals) {
        Map<BodyDigest, DeliveryId> earlier = inbox.findByBodies(
                arrivals.stream().map(arrival -> arrival.raw().digest()).toList());
        Map<BodyDigest, DeliveryId> takenInNow = new HashMap<>();
        List<Receipt> receipts = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            BodyDigest body = arrival.raw().digest();
            if (earlier.containsKey(body)) {
                receipts.add(new Receipt(earlier.get(body), sentAgain(earlier.get(body))));
            } else if (takenInNow.containsKey(body)) {
                receipts.add(new Receipt(takenInNow.get(body), Receipt.Outcome.DUPLICATE));
            } else {
                receipts.add(receive(arrival.raw(), arrival.decoded()));
                takenInNow.put(body, arrival.raw().id());
            }
        }
        return receipts;
    }

    private Receipt receive(RawDelivery raw, Decoded decoded) {
        Envelope envelope = decoded.envelope();
        inbox.record(new Delivery(
                raw.id(),
                raw.digest().current(),
                raw.text(),
                envelope.type(),
                envelope.occurredOn(),
                raw.receivedAt(),
                decoded.status()));
        decoded.event().ifPresent(events::fire);
        return new Receipt(raw.id(), decoded.event().isPresent() ? Receipt.Outcome.ACCEPTED : Receipt.Outcome.IGNORED);
    }

    /**
     * Keeps an authentic delivery that is not a valid event as rejected, with its problem, so that it can be reprocessed
     * once the receiver reads it; the same body is kept once.
     */
    @Transactional
    public void keep(RawDelivery raw, InvalidEnvelope invalid) {
        if (inbox.findByBody(raw.digest()).isPresent()) {
            return;
        }
        EnvelopeParser.Heading heading = envelopeParser.heading(raw.text());
        inbox.record(Delivery.rejected(
                raw.id(),
                raw.digest().current(),
                raw.text(),
                heading.type(),
                heading.occurredOn(),
                raw.receivedAt(),
                invalid.deliveryProblem()));
    }

    /**
     * A duplicate, unless an older version of this receiver kept the body as rejected: then it is taken in now, in
     * place, as a reprocess would.
     */
    private Receipt.Outcome sentAgain(DeliveryId earlier) {
        return reprocessing
                .reprocess(earlier)
                .map(reprocessed -> switch (reprocessed.outcome()) {
                    case PROCESSED -> Receipt.Outcome.ACCEPTED;
                    case IGNORED -> Receipt.Outcome.IGNORED;
                    case NOT_REJECTED -> Receipt.Outcome.DUPLICATE;
                    case STILL_REJECTED ->
                        throw new IllegalStateException("A body read as valid was found invalid when read again");
                })
                .orElse(Receipt.Outcome.DUPLICATE);
    }
}
