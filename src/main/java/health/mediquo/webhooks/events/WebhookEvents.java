package health.mediquo.webhooks.events;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.receiving.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The webhook types this receiver understands, each with the decoder that turns its envelope into its event. */
@ApplicationScoped
public class WebhookEvents {

    @FunctionalInterface
    interface Decoder {
        Object decode(DeliveryId delivery, Instant receivedAt, Envelope envelope);
    }

    private static final Map<String, Decoder> DECODERS = Map.of(PatientReportSent.TYPE, PatientReportSent::decode);

    /**
     * The event the envelope describes, or empty when its type is unknown (kept, but fires nothing).
     *
     * @throws health.mediquo.webhooks.receiving.InvalidEnvelope when the payload does not fit its type
     */
    public Optional<Object> decode(DeliveryId delivery, Instant receivedAt, Envelope envelope) {
        return Optional.ofNullable(DECODERS.get(envelope.type()))
                .map(decoder -> decoder.decode(delivery, receivedAt, envelope));
    }
}
