package health.mediquo.webhooks.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Writes the audit trail of report reads, one line per report a user saw (in a list or whole): who, which report,
 * how, and when; never what it says nor whose it is.
 */
@ApplicationScoped
public class ReportReadAudit {

    private static final Logger AUDIT = Logger.getLogger("health.mediquo.webhooks.audit");

    void record(@Observes ReportsRead read) {
        read.reports()
                .forEach(report -> AUDIT.info(() -> "AUDIT report-read user=%s report=%s view=%s at=%s"
                        .formatted(read.user(), report.reportId(), read.view(), read.at())));
    }
}
