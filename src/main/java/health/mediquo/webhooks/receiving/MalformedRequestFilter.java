package health.mediquo.webhooks.receiving;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Gives malformed requests a problem document before anything else reads them. A path or query that is not a
 * well-formed RFC 3986 target (a {@code %} without two hex digits, a space, a control or non-ASCII character) is a 400:
 * left to the container, a bad escape in the query was simply accepted. And an error the JAX-RS runtime answers
 * without an entity (an unparseable {@code Content-Type} or {@code Accept}, before any exception mapper runs) becomes a
 * problem instead of the server's HTML error page.
 */
@WebFilter("/*")
public class MalformedRequestFilter extends HttpFilter {

    private static final String TARGET_PUNCTUATION = "-._~!$&'()*+,;=:@/?";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if (!isWellFormedTarget(request.getRequestURI()) || (query != null && !isWellFormedTarget(query))) {
            Problem.of(
                            400,
                            "Bad Request",
                            "malformed-request",
                            "The request's path or query is not a well-formed URI: every '%' must be followed by two"
                                    + " hex digits, and other characters must be printable ASCII allowed in a URI.",
                            null)
                    .writeTo(response);
            return;
        }
        chain.doFilter(request, new ProblemOnError(response));
    }

    static boolean isWellFormedTarget(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length()
                        || !isHexDigit(target.charAt(i + 1))
                        || !isHexDigit(target.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isAsciiLetterOrDigit(c) && TARGET_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Answers {@code sendError} with a problem document rather than the container's error page. */
    private static final class ProblemOnError extends HttpServletResponseWrapper {

        ProblemOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("The response is already committed");
            }
            resetBuffer();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "HTTP " + status : type.getReasonPhrase();
            String detail = status == 400
                    ? "The request is malformed: a header the receiver reads, such as Content-Type or Accept, could not"
                            + " be parsed."
                    : "HTTP " + status + " " + title;
            Problem.of(status, title, "http-" + status, detail, null).writeTo((HttpServletResponse) getResponse());
            flushBuffer();
        }
    }
}
