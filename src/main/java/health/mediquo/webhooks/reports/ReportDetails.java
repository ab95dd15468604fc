package health.mediquo.webhooks.reports;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A whole report: its summary and its clinical content. */
@JsonbPropertyOrder({"report", "content"})
public record ReportDetails(ReportSummary report, JsonObject content) {

    static ReportDetails of(PatientReport report) {
        return new ReportDetails(ReportSummary.of(report), report.content());
    }
}
