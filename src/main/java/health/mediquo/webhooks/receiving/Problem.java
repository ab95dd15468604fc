package health.mediquo.webhooks.receiving;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 9457 problem document. {@code field} is an extension member naming the JSON field a 422 is about.
 *
 * @param type a URN identifying the kind of problem
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "field"})
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Jsonb JSON = JsonbBuilder.create();

    public static Problem of(int status, String title, String slug, String detail, String field) {
        return new Problem("urn:mediquo-webhooks:problem:" + slug, title, status, detail, field);
    }

    /** This problem as the answer to a request. */
    public Response answer() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** Writes this problem as the whole response, for a servlet filter that answers before JAX-RS is reached. */
    public void writeTo(HttpServletResponse response) throws IOException {
        byte[] document = JSON.toJson(this).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
