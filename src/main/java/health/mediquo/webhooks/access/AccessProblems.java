package health.mediquo.webhooks.access;

import health.mediquo.webhooks.receiving.Problem;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The error pages of web.xml for 401 and 403, which the container sends on its own when a request lacks valid
 * credentials or the role a URL needs. The error dispatch keeps the request's method, so each page answers every
 * method the API has.
 */
@Path("problems")
public class AccessProblems {

    private static final Problem UNAUTHENTICATED = new Problem(
            "urn:mediquo-webhooks:problem:unauthenticated",
            "Unauthorized",
            401,
            "This resource needs the credentials of an API user (HTTP Basic).",
            null);
    private static final Problem FORBIDDEN = new Problem(
            "urn:mediquo-webhooks:problem:forbidden",
            "Forbidden",
            403,
            "The API user lacks the role this resource needs.",
            null);

    @Path("401")
    public ProblemPage unauthenticated() {
        return new ProblemPage(UNAUTHENTICATED);
    }

    @Path("403")
    public ProblemPage forbidden() {
        return new ProblemPage(FORBIDDEN);
    }

    /** One problem, as the answer to a request of any of the API's methods. */
    @Produces(Problem.MEDIA_TYPE)
    public static class ProblemPage {

        private final Problem problem;

        ProblemPage(Problem problem) {
            this.problem = problem;
        }

        @GET
        public Response get() {
            return answer();
        }

        @POST
        public Response post() {
            return answer();
        }

        @DELETE
        public Response delete() {
            return answer();
        }

        private Response answer() {
            return Response.status(problem.status()).entity(problem).build();
        }
    }
}
