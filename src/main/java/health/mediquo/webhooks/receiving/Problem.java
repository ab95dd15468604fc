package health.mediquo.webhooks.receiving;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. {@code field} is an extension member naming the JSON field a 422 is about.
 *
 * @param type a URN identifying the kind of problem
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "field"})
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String title, String slug, String detail, String field) {
        return new Problem("urn:mediquo-webhooks:problem:" + slug, title, status, detail, field);
    }

    /** This problem as the answer to a request. */
    public Response answer() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
