package health.mediquo.webhooks.erasure;

import health.mediquo.webhooks.jobs.JobKind;
import health.mediquo.webhooks.jobs.JobResource;
import health.mediquo.webhooks.jobs.Jobs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Erasure of a patient's data (role {@code privacy-officer}), as a job ({@link PatientErasureWork}). Deliveries
 * received later are taken in as usual.
 */
// Rooted where the reports resource is: JAX-RS picks one root path, then looks no further for api/patients/….
@Path("api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    @Inject
    Jobs jobs;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @DELETE
    @Path("patients/{code}")
    public Response erase(@PathParam("code") String patientCode) {
        return JobResource.accepted(
                jobs.start(JobKind.PATIENT_ERASURE, security.getUserPrincipal().getName(), patientCode), uri);
    }
}
