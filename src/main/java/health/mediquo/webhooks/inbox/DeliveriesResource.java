package health.mediquo.webhooks.inbox;

import health.mediquo.webhooks.access.DeliveryAction;
import health.mediquo.webhooks.api.Page;
import health.mediquo.webhooks.api.PageQuery;
import health.mediquo.webhooks.notifications.NotificationReplay;
import health.mediquo.webhooks.receiving.ClientError;
import health.mediquo.webhooks.receiving.Reprocessed;
import health.mediquo.webhooks.receiving.Reprocessing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/** The deliveries MediQuo made, for operators (role {@code webhook-admin}). */
@Path("api/deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    Inbox inbox;

    @Inject
    NotificationReplay replay;

    @Inject
    Reprocessing reprocessing;

    @Inject
    Event<DeliveryAction> actions;

    @Context
    SecurityContext security;

    @GET
    public Page<DeliverySummary> deliveries(
            @QueryParam("status") String status, @QueryParam("type") String eventType, @BeanParam PageQuery page) {
        return inbox.received(page.timeRange(), statusNamed(status), eventType, page.cursor(), page.limit());
    }

    @GET
    @Path("{id}")
    public DeliveryDetails delivery(@PathParam("id") String id) {
        return inbox.find(deliveryId(id)).orElseThrow(() -> unknown(id));
    }

    /** Publishes the delivery's notification again; consumers drop the repeat by its JMSCorrelationID if need be. */
    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") String id) {
        DeliveryId delivery = deliveryId(id);
        if (inbox.find(delivery).isEmpty()) {
            throw unknown(id);
        }
        if (!replay.replay(delivery)) {
            throw new ClientError(409, "Delivery " + id + " has no notification to replay.");
        }
        audit("replay", id, "replayed");
        return Response.accepted(new ActionAccepted("replayed", id)).build();
    }

    /**
     * Runs a rejected delivery through today's parser and observers: 202 with its new status, or 422 with the problem
     * it still has. Only a rejected delivery can be reprocessed, so a second reprocess is a 409 and creates nothing.
     */
    @POST
    @Path("{id}/reprocess")
    public Response reprocess(@PathParam("id") String id) {
        Reprocessed reprocessed = reprocessing.reprocess(deliveryId(id)).orElseThrow(() -> unknown(id));
        Response answer = switch (reprocessed.outcome()) {
            case PROCESSED ->
                Response.accepted(new ActionAccepted("processed", id)).build();
            case IGNORED -> Response.accepted(new ActionAccepted("ignored", id)).build();
            case STILL_REJECTED -> reprocessed.problem().answer();
            case NOT_REJECTED ->
                throw new ClientError(409, "Delivery " + id + " is not rejected: there is nothing to reprocess.");
        };
        audit("reprocess", id, reprocessed.outcome().name().toLowerCase(Locale.ROOT));
        return answer;
    }

    private void audit(String action, String deliveryId, String outcome) {
        actions.fire(
                new DeliveryAction(security.getUserPrincipal().getName(), action, deliveryId, outcome, Instant.now()));
    }

    private static DeliveryId deliveryId(String id) {
        try {
            return DeliveryId.of(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
    }

    private static ClientError unknown(String id) {
        return new ClientError(404, "There is no delivery " + id + ".");
    }

    private static DeliveryStatus statusNamed(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ClientError(
                    400,
                    "'status' must be one of "
                            + Arrays.toString(DeliveryStatus.values()).toLowerCase(Locale.ROOT) + ".");
        }
    }
}
