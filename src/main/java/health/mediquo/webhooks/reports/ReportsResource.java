package health.mediquo.webhooks.reports;

import health.mediquo.webhooks.access.ReportsRead;
import health.mediquo.webhooks.api.Page;
import health.mediquo.webhooks.api.PageQuery;
import health.mediquo.webhooks.receiving.ClientError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/** The read API of archived reports (role {@code reports-reader}). */
@Path("api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    PatientReports reports;

    @Inject
    Event<ReportsRead> reads;

    @Context
    SecurityContext security;

    @GET
    @Path("patients/{code}/reports")
    public Page<ReportSummary> reportsOf(
            @PathParam("code") String patientCode, @QueryParam("type") String reportType, @BeanParam PageQuery page) {
        Page<ReportSummary> found = reports.of(patientCode, page.timeRange(), reportType, page.cursor(), page.limit());
        audit(found.items(), ReportsRead.View.SUMMARY);
        return found;
    }

    @GET
    @Path("reports/{id}")
    public ReportDetails report(@PathParam("id") String id) {
        ReportDetails report =
                reports.find(id).orElseThrow(() -> new ClientError(404, "There is no report " + id + "."));
        audit(List.of(report.report()), ReportsRead.View.CONTENT);
        return report;
    }

    /** Before the answer leaves: no report is seen without its record in the audit trail. */
    private void audit(List<ReportSummary> seen, ReportsRead.View view) {
        reads.fire(new ReportsRead(
                security.getUserPrincipal().getName(),
                view,
                Instant.now(),
                seen.stream()
                        .map(report -> new ReportsRead.Seen(report.id(), report.patientCode()))
                        .toList()));
    }
}
