package health.mediquo.webhooks.receiving;

/** The request's {@code x-webhook-signature} is missing or is none of the configured secrets. */
public class SignatureRejected extends WebhookRejection {

    public SignatureRejected() {
        super(
                401,
                "Unauthorized",
                "invalid-signature",
                "The x-webhook-signature header is missing or does not match a configured secret.");
    }
}
