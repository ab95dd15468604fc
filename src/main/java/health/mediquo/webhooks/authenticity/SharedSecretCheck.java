package health.mediquo.webhooks.authenticity;

import health.mediquo.webhooks.receiving.SenderRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** MediQuo's documented scheme: {@code x-webhook-signature} is the shared secret itself. */
@ApplicationScoped
public class SharedSecretCheck implements SenderCheck {

    static final String SIGNATURE_HEADER = "x-webhook-signature";

    @Inject
    WebhookSecrets secrets;

    @Override
    public String name() {
        return "shared secret in " + SIGNATURE_HEADER;
    }

    @Override
    public boolean enabled() {
        return secrets.mode() == SignatureMode.STATIC;
    }

    @Override
    public void verify(DeliveryRequest request) {
        if (!secrets.accepts(request.header(SIGNATURE_HEADER))) {
            throw new SenderRejected(
                    "invalid-signature",
                    "The x-webhook-signature header is missing or does not match a configured secret.");
        }
    }
}
