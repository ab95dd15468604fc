package health.mediquo.webhooks.authenticity;

import health.mediquo.webhooks.receiving.SenderRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic credentials of a user with the role {@code webhook-sender}. Users and their password hashes are those of
 * {@code mediquo.api.users}, validated by the application's identity store; this check requires an authenticated
 * caller allowed to deliver, so missing and wrong credentials fail it alike.
 */
@ApplicationScoped
public class BasicCredentialsCheck implements SenderCheck {

    static final String SENDER_ROLE = "webhook-sender";

    @Inject
    @ConfigProperty(name = "mediquo.webhook.basic.enabled", defaultValue = "false")
    boolean enabled;

    @Override
    public String name() {
        return "HTTP Basic credentials of a " + SENDER_ROLE;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void verify(DeliveryRequest request) {
        if (!request.callerHasRole(SENDER_ROLE)) {
            throw new SenderRejected(
                    "invalid-credentials",
                    "HTTP Basic credentials of a user with the role webhook-sender are required.");
        }
    }
}
