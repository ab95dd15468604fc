package health.mediquo.webhooks.operations;

import health.mediquo.webhooks.receiving.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts the requests being answered and, once the receiver is stopping, refuses new ones with a 503 the sender
 * retries elsewhere or later. Without it a request arriving during the stop reached an application half torn down and
 * got the server's 500 or 404 pages.
 */
@WebFilter("/*")
public class StoppingGate extends HttpFilter {

    private static final int RETRY_AFTER_SECONDS = 5;

    private Stopping stopping;

    /** Servlet listeners start before filters: {@link GracefulStop} has put it there. */
    @Override
    public void init() {
        stopping = (Stopping) getServletContext().getAttribute(Stopping.ATTRIBUTE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!stopping.admit()) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            response.setHeader("Connection", "close");
            Problem.of(
                            503,
                            "Service Unavailable",
                            "stopping",
                            "The receiver is stopping; nothing of this request was stored. Send it again.",
                            null)
                    .writeTo(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            stopping.finished();
        }
    }
}
