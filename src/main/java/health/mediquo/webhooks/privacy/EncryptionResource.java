package health.mediquo.webhooks.privacy;

import health.mediquo.webhooks.jobs.JobKind;
import health.mediquo.webhooks.jobs.JobResource;
import health.mediquo.webhooks.jobs.Jobs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Key rotation for operators (role {@code webhook-admin}): reseal every old row under the current data key, and digest
 * every body again under the current digest key, as a job ({@link ReEncryptionWork}).
 */
@Path("api/encryption")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EncryptionResource {

    @Inject
    Jobs jobs;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** Idempotent and safe to repeat, also while another runs: each batch commits on its own. */
    @POST
    @Path("re-encrypt")
    public Response reEncrypt() {
        return JobResource.accepted(
                jobs.start(JobKind.RE_ENCRYPTION, security.getUserPrincipal().getName(), null), uri);
    }
}
