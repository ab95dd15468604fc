package health.mediquo.webhooks.receiving;

/**
 * What a reprocess made of a delivery.
 *
 * @param problem why it is still rejected; null for every other outcome
 */
public record Reprocessed(Outcome outcome, Problem problem) {

    public enum Outcome {
        /** Valid today: its event was fired, it is processed now. */
        PROCESSED,
        /** Valid today, of an event type this receiver does not know yet: ignored now. */
        IGNORED,
        /** Still invalid: kept as rejected, with today's problem. */
        STILL_REJECTED,
        /** Not a rejected delivery: nothing was done. */
        NOT_REJECTED
    }
}
