package health.mediquo.webhooks.authenticity;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The request a check looks at. The body is read only when a check asks for it (within the size limit), and is then
 * handed on unchanged to the resource.
 */
public final class DeliveryRequest {

    private final UnaryOperator<String> headers;
    private final Predicate<String> callerRoles;
    private final Supplier<byte[]> bodyReader;
    private byte[] body;

    DeliveryRequest(UnaryOperator<String> headers, Predicate<String> callerRoles, Supplier<byte[]> bodyReader) {
        this.headers = headers;
        this.callerRoles = callerRoles;
        this.bodyReader = bodyReader;
    }

    public static DeliveryRequest of(ContainerRequestContext context, Function<InputStream, byte[]> bodyReader) {
        return new DeliveryRequest(
                context::getHeaderString, role -> context.getSecurityContext().isUserInRole(role), () -> {
                    byte[] body = bodyReader.apply(context.getEntityStream());
                    context.setEntityStream(new ByteArrayInputStream(body));
                    return body;
                });
    }

    /** The header's value, or null when the request has none. */
    public String header(String name) {
        return headers.apply(name);
    }

    public boolean callerHasRole(String role) {
        return callerRoles.test(role);
    }

    public byte[] body() {
        if (body == null) {
            body = bodyReader.get();
        }
        return body;
    }
}
