package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.authenticity.DeliveryRequest;
import health.mediquo.webhooks.authenticity.SenderChecks;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Lets a webhook request through only when it passes every enabled sender check (by default, the shared secret). */
@Provider
@SignedByMediQuo
@Priority(Priorities.AUTHENTICATION)
public class SignatureFilter implements ContainerRequestFilter {

    @Inject
    SenderChecks checks;

    @Inject
    BodyReader bodyReader;

    @Override
    public void filter(ContainerRequestContext request) {
        checks.verify(DeliveryRequest.of(request, bodyReader::readWithinLimit));
    }
}
