package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.privacy.BodyDigest;
import java.time.Instant;

/**
 * A request body as it arrived, before anything is made of it.
 *
 * @param text the body decoded as UTF-8: the decoding is strict, so the text is the bytes verbatim
 * @param digest the keyed digests of the bytes: the same delivery sent twice has the same digests
 */
public record RawDelivery(DeliveryId id, Instant receivedAt, String text, BodyDigest digest) {}
