package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.events.WebhookEvents;
import health.mediquo.webhooks.inbox.Inbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** The URL MediQuo delivers its webhooks to. */
@Path("webhooks/mediquo")
@RequestScoped
public class WebhookResource {

    @Inject
    BodyReader bodyReader;

    @Inject
    EnvelopeParser envelopeParser;

    @Inject
    WebhookEvents webhookEvents;

    @Inject
    DeliveryIntake intake;

    @Inject
    Inbox inbox;

    @Inject
    DeliveryMetrics metrics;

    @POST
    @SignedByMediQuo
    @Timed(name = "mediquo.delivery.processing", absolute = true, description = "Time to take in one delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response receive(InputStream body) {
        RawDelivery raw = bodyReader.read(body);
        Envelope envelope = envelopeParser.parse(raw.text());
        Optional<Object> event = webhookEvents.decode(raw.id(), raw.receivedAt(), envelope);
        Receipt receipt = takeIn(raw, envelope, event);
        metrics.acknowledged(envelope.type(), receipt.outcome());
        int status = switch (receipt.outcome()) {
            case ACCEPTED, IGNORED -> Response.Status.ACCEPTED.getStatusCode();
            case DUPLICATE -> Response.Status.OK.getStatusCode();
        };
        return Response.status(status).entity(Acknowledgement.of(receipt)).build();
    }

    private Receipt takeIn(RawDelivery raw, Envelope envelope, Optional<Object> event) {
        try {
            return intake.takeIn(raw, envelope, event);
        } catch (PersistenceException | TransactionalException failure) {
            // Two copies of one body can race past the duplicate check; the unique body hash lets only one commit.
            return inbox.findByBodyHash(raw.sha256())
                    .map(earlier -> new Receipt(earlier, Receipt.Outcome.DUPLICATE))
                    .orElseThrow(() -> failure);
        }
    }
}
