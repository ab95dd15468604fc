package health.mediquo.webhooks.access;

import health.mediquo.webhooks.receiving.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The error pages of web.xml for 401 and 403, which the container sends on its own when a request lacks valid
 * credentials or the role a URL needs. The error dispatch keeps the request's method, hence GET and POST.
 */
@Path("problems")
@Produces(Problem.MEDIA_TYPE)
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

    @GET
    @Path("401")
    public Response unauthenticated() {
        return answer(UNAUTHENTICATED);
    }

    @POST
    @Path("401")
    public Response unauthenticatedPost() {
        return answer(UNAUTHENTICATED);
    }

    @GET
    @Path("403")
    public Response forbidden() {
        return answer(FORBIDDEN);
    }

    @POST
    @Path("403")
    public Response forbiddenPost() {
        return answer(FORBIDDEN);
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).entity(problem).build();
    }
}
