package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.inbox.Inbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/** The URL MediQuo delivers its webhooks to. */
@Path("webhooks/mediquo")
@RequestScoped
public class WebhookResource {

    @Inject
    BodyReader bodyReader;

    @Inject
    DeliveryDecoder decoder;

    @Inject
    DeliveryIntake intake;

    @Inject
    GroupCommit groupCommit;

    @Inject
    Inbox inbox;

    @Inject
    DeliveryMetrics metrics;

    @POST
    @SignedByMediQuo
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response receive(InputStream body) {
        long started = System.nanoTime();
        RawDelivery raw = bodyReader.read(body);
        Decoded decoded = decodeOrKeep(raw);
        Receipt receipt = takeIn(raw, decoded);
        metrics.acknowledged(
                decoded.envelope().type(), receipt.outcome(), Duration.ofNanos(System.nanoTime() - started));
        int status = switch (receipt.outcome()) {
            case ACCEPTED, IGNORED -> Response.Status.ACCEPTED.getStatusCode();
            case DUPLICATE -> Response.Status.OK.getStatusCode();
        };
        return Response.status(status).entity(Acknowledgement.of(receipt)).build();
    }

    /** The sender checks passed: a delivery that is not a valid event is kept, then answered 422 all the same. */
    private Decoded decodeOrKeep(RawDelivery raw) {
        try {
            return decoder.decode(raw.id(), raw.receivedAt(), raw.text());
        } catch (InvalidEnvelope invalid) {
            keep(raw, invalid);
            throw invalid;
        }
    }

    /**
     * Two copies of one body can race past the duplicate check; the unique body digest lets only one commit. The other's
     * commit fails, which Payara's {@code @Transactional} wraps in a {@code TransactionalException} and WildFly's throws
     * as the undeclared, checked {@code RollbackException}: whatever the failure, the digest tells whether it was that.
     */
    private Receipt takeIn(RawDelivery raw, Decoded decoded) {
        try {
            return groupCommit.takeIn(raw, decoded);
        } catch (Exception failure) {
            Optional<DeliveryId> earlier = inbox.findByBody(raw.digest());
            if (earlier.isEmpty()) {
                throw failure;
            }
            return new Receipt(earlier.get(), Receipt.Outcome.DUPLICATE);
        }
    }

    private void keep(RawDelivery raw, InvalidEnvelope invalid) {
        try {
            intake.keep(raw, invalid);
        } catch (Exception failure) {
            if (inbox.findByBody(raw.digest()).isEmpty()) {
                throw failure;
            }
        }
    }
}
