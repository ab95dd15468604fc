package health.mediquo.webhooks.access;

import java.time.Instant;

/**
 * An operator acted on a delivery: a replay of its notification, or a reprocess of a rejected delivery.
 *
 * @param action {@code replay} or {@code reprocess}
 * @param outcome what it came to: {@code replayed}; {@code processed}, {@code ignored} or {@code still_rejected}
 */
public record DeliveryAction(String user, String action, String deliveryId, String outcome, Instant at) {}
