package health.mediquo.webhooks.receiving;

/** The request body is larger than {@code mediquo.webhook.max-body-bytes}. */
public class BodyTooLarge extends WebhookRejection {

    public BodyTooLarge(long limit) {
        super(
                413,
                "Content Too Large",
                "body-too-large",
                "The request body is larger than the limit of " + limit + " bytes.");
    }
}
