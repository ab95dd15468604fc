package health.mediquo.webhooks.receiving;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Lets a webhook request through only when its {@code x-webhook-signature} is one of the configured secrets. */
@Provider
@SignedByMediQuo
@Priority(Priorities.AUTHENTICATION)
public class SignatureFilter implements ContainerRequestFilter {

    static final String SIGNATURE_HEADER = "x-webhook-signature";

    @Inject
    WebhookSecrets secrets;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!secrets.accepts(request.getHeaderString(SIGNATURE_HEADER))) {
            throw new SignatureRejected();
        }
    }
}
