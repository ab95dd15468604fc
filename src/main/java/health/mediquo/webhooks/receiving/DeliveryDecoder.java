package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.events.WebhookEvents;
import health.mediquo.webhooks.inbox.DeliveryId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Reads a body into the envelope every event shares, then into the event of its type: for new and kept deliveries. */
@ApplicationScoped
public class DeliveryDecoder {

    @Inject
    EnvelopeParser envelopeParser;

    @Inject
    WebhookEvents webhookEvents;

    /**
     * @throws MalformedBody when the body is not one JSON document
     * @throws InvalidEnvelope when it is not a valid event, or not a valid payload for its event type
     */
    public Decoded decode(DeliveryId delivery, Instant receivedAt, String body) {
        Envelope envelope = envelopeParser.parse(body);
        return new Decoded(envelope, webhookEvents.decode(delivery, receivedAt, envelope));
    }
}
