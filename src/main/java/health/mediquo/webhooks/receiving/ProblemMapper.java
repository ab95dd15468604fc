package health.mediquo.webhooks.receiving;

import health.mediquo.webhooks.privacy.UnreadableCiphertext;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of every endpoint into an RFC 9457 problem, so that no caller ever sees a server error page, a
 * stack trace or an exception's class name.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    static final int RETRY_AFTER_SECONDS = 30;

    @Inject
    DeliveryMetrics metrics;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebhookRejection rejection) {
            metrics.rejected(rejection);
            return rejection.problem().answer();
        }
        if (failure instanceof WebApplicationException http) {
            Response.StatusType status = http.getResponse().getStatusInfo();
            String detail = http instanceof ClientError
                    ? http.getMessage()
                    : "HTTP %d %s".formatted(status.getStatusCode(), status.getReasonPhrase());
            return Problem.of(
                            status.getStatusCode(),
                            status.getReasonPhrase(),
                            "http-" + status.getStatusCode(),
                            detail,
                            null)
                    .answer();
        }
        if (failure instanceof UnreadableCiphertext unreadable) {
            // The message names the value's place and key, never what it holds.
            LOG.severe(() -> "A stored value could not be opened: " + unreadable.getMessage());
            return Problem.of(500, "Internal Server Error", "unreadable-value", unreadable.getMessage(), null)
                    .answer();
        }
        if (isStorageFailure(failure)) {
            LOG.log(Level.WARNING, "Storage is unavailable; answering 503", failure);
            return Response.fromResponse(Problem.of(
                                    503,
                                    "Service Unavailable",
                                    "storage-unavailable",
                                    "The delivery could not be stored; nothing was acknowledged. Retry later.",
                                    null)
                            .answer())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure while handling a request", failure);
        return Problem.of(
                        500,
                        "Internal Server Error",
                        "internal-error",
                        "The request could not be handled; nothing was acknowledged.",
                        null)
                .answer();
    }

    /** Failures of the database, its pool or the transaction around it: the sender should simply retry later. */
    private static boolean isStorageFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException
                    || cause instanceof PersistenceException
                    || cause instanceof TransactionalException
                    || cause instanceof ResourceException) {
                return true;
            }
        }
        return false;
    }
}
