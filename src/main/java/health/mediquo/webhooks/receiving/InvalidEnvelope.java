package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.DeliveryProblem;

/** Well-formed JSON that is not a valid event, or not a valid payload for its event type. */
public class InvalidEnvelope extends WebhookRejection {

    private final String field;

    public InvalidEnvelope(String field, String requirement) {
        super(422, "Unprocessable Content", "invalid-envelope", "'" + field + "' " + requirement + ".");
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }

    /** The problem as a rejected delivery keeps it. */
    DeliveryProblem deliveryProblem() {
        Problem problem = problem();
        return new DeliveryProblem(problem.type(), problem.field(), problem.detail());
    }
}
