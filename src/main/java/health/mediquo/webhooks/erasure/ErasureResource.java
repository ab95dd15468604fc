package health.mediquo.webhooks.erasure;

import health.mediquo.webhooks.inbox.DeliveryRemoval;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Erasure of a patient's data (role {@code privacy-officer}). Safe to repeat after an interruption: each batch commits
 * on its own, and a second erasure removes what the first left. Deliveries received later are taken in as usual.
 */
// Rooted where the reports resource is: JAX-RS picks one root path, then looks no further for api/patients/….
@Path("api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private static final Logger LOG = Logger.getLogger(ErasureResource.class.getName());

    @Inject
    PatientErasure erasure;

    @Inject
    Event<ErasureRun> runs;

    @Context
    SecurityContext security;

    @DELETE
    @Path("patients/{code}")
    public PatientErased erase(@PathParam("code") String patientCode) {
        DeliveryRemoval.Removed removed = DeliveryRemoval.Removed.NOTHING;
        long batches = 0;
        for (DeliveryRemoval.Removed batch = erasure.eraseReported(patientCode);
                batch.deliveries() > 0;
                batch = erasure.eraseReported(patientCode)) {
            removed = removed.plus(batch);
            batches++;
        }
        for (PatientErasure.Scanned scanned = erasure.eraseUnreported(patientCode, "");
                scanned.lastId() != null;
                scanned = erasure.eraseUnreported(patientCode, scanned.lastId())) {
            removed = removed.plus(scanned.removed());
            batches++;
        }
        PatientErased erased =
                new PatientErased(removed.deliveries(), removed.reports(), removed.notifications(), batches);
        runs.fire(new ErasureRun(security.getUserPrincipal().getName(), patientCode, erased, Instant.now()));
        // The patient code never reaches the log: the audit trail holds the erasure, under the patient's digest.
        LOG.info(() -> "Patient erasure: %d deliveries, %d reports, %d notifications removed in %d batches"
                .formatted(erased.deliveries(), erased.reports(), erased.notifications(), erased.batches()));
        return erased;
    }
}
