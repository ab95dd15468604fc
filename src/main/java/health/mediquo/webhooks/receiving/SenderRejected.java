package health.mediquo.webhooks.receiving;

/** The request failed one of the enabled sender checks; the problem type names which, and counts it. */
public class SenderRejected extends WebhookRejection {

    public SenderRejected(String problemType, String detail) {
        super(401, "Unauthorized", problemType, detail);
    }
}
