package health.mediquo.webhooks.inbox;

/** What became of a stored delivery. */
public enum DeliveryStatus {
    /** Its event was fired and observed in the same transaction. */
    PROCESSED,
    /** Its event type is unknown to this receiver: kept, so that a later version can process it. */
    IGNORED,
    /** Authentic, but invalid for this receiver (answered 422): kept with its problem, so that it can be reprocessed. */
    REJECTED
}
