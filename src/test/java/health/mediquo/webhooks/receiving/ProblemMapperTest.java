package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();
    private final List<String> rejectionsCounted = new ArrayList<>();

    @BeforeEach
    void countRejectionsInAList() {
        mapper.metrics = new DeliveryMetrics() {
            @Override
            void rejected(WebhookRejection rejection) {
                rejectionsCounted.add(rejection.problemType());
            }
        };
    }

    @Test
    void unavailableDatabaseAsksTheSenderToRetryLater() {
        Response response = mapper.toResponse(new PersistenceException(
                "allocating a connection", new SQLTransientConnectionException("database is open in exclusive mode")));

        assertEquals(503, response.getStatus());
        assertEquals(String.valueOf(ProblemMapper.RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
        assertEquals(
                "urn:mediquo-webhooks:problem:storage-unavailable",
                problem(response).type());
    }

    @Test
    void rejectionBecomesItsProblemWithTheFieldItNames() {
        Response response = mapper.toResponse(new InvalidEnvelope("payload.patient.code", "is required"));

        assertEquals(422, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(
                new Problem(
                        "urn:mediquo-webhooks:problem:invalid-envelope",
                        "Unprocessable Content",
                        422,
                        "'payload.patient.code' is required.",
                        "payload.patient.code"),
                problem(response));
        assertEquals(List.of("invalid-envelope"), rejectionsCounted);
    }

    @Test
    void httpErrorsOfTheFrameworkBecomeProblemsWordedTheSameOnEveryServer() {
        Response response = mapper.toResponse(new NotAllowedException(
                "RESTEASY003650: No resource method found for GET, return 405 with Allow header",
                Response.status(405).build()));

        assertEquals(405, response.getStatus());
        assertEquals("urn:mediquo-webhooks:problem:http-405", problem(response).type());
        assertEquals("HTTP 405 Method Not Allowed", problem(response).detail());
    }

    @Test
    void refusalsOfTheApplicationKeepTheirDetail() {
        Response response = mapper.toResponse(new ClientError(404, "There is no report 42."));

        assertEquals(404, response.getStatus());
        assertEquals("urn:mediquo-webhooks:problem:http-404", problem(response).type());
        assertEquals("There is no report 42.", problem(response).detail());
    }

    @Test
    void unexpectedFailureRevealsNothingOfItself() {
        Response response = mapper.toResponse(new IllegalStateException("secret internals of patient 123"));

        assertEquals(500, response.getStatus());
        Problem problem = problem(response);
        assertFalse(problem.detail().contains("patient"));
        assertFalse(problem.detail().contains("IllegalStateException"));
        assertNull(problem.field());
    }

    private static Problem problem(Response response) {
        return (Problem) response.getEntity();
    }
}
