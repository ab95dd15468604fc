package health.mediquo.webhooks.receiving;

import java.time.Instant;

/**
 * What every MediQuo event has in common: {@code {"type", "occurred_on", "payload"}}.
 *
 * @param payload the event's own fields, read by the decoder of its type
 */
public record Envelope(String type, Instant occurredOn, JsonFields payload) {}
