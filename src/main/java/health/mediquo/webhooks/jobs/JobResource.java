package health.mediquo.webhooks.jobs;

import health.mediquo.webhooks.receiving.ClientError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The jobs, for those who may ask for them: an operator follows re-encryptions, a privacy officer erasures. To anyone
 * else, a job does not exist.
 */
@Path("api/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    /** The values that did not open, listed in a job's view; a count tells how many there are in all. */
    static final int LISTED_UNREADABLE = 100;

    @Inject
    JobLedger ledger;

    @Context
    SecurityContext security;

    @GET
    @Path("{id}")
    public JobView job(@PathParam("id") String id) {
        Job job = ledger.find(id)
                .filter(found -> security.isUserInRole(found.kind().role()))
                .orElseThrow(() -> new ClientError(404, "There is no job " + id + "."));
        return JobView.of(job, ledger.unreadable(id, LISTED_UNREADABLE), ledger.unreadableCount(id));
    }

    /** The answer to a request that started a job: 202, and where to follow it. */
    public static Response accepted(Job job, UriInfo uri) {
        return Response.accepted(JobView.of(job, List.of(), 0))
                .location(uri.getBaseUriBuilder()
                        .path(JobResource.class)
                        .path(job.id())
                        .build())
                .build();
    }
}
