package health.mediquo.webhooks.audit;

import health.mediquo.webhooks.api.Page;
import health.mediquo.webhooks.api.PageQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit trail for a privacy officer (role {@code privacy-officer}): its entries, and a check of its chain. */
@Path("api/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    ChainVerification verification;

    @GET
    public Page<AuditItem> entries(
            @QueryParam("user") String user,
            @QueryParam("action") String action,
            @QueryParam("patient") String patientCode,
            @BeanParam PageQuery page) {
        return trail.entries(user, action, patientCode, page.timeRange(), page.cursor(), page.limit());
    }

    @GET
    @Path("verify")
    public ChainVerified verify() {
        return verification.verify();
    }
}
