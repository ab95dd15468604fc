package health.mediquo.webhooks.reports;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A report in a list: what it is and when, without its clinical content. */
@JsonbPropertyOrder({"id", "deliveryId", "patientCode", "reportType", "occurredOn", "receivedAt"})
public record ReportSummary(
        String id,
        @JsonbProperty("delivery_id") String deliveryId,
        @JsonbProperty("patient_code") String patientCode,
        @JsonbProperty("report_type") String reportType,
        @JsonbProperty("occurred_on") Instant occurredOn,
        @JsonbProperty("received_at") Instant receivedAt) {

    static ReportSummary of(PatientReport report) {
        return new ReportSummary(
                report.id(),
                report.deliveryId(),
                report.patientCode(),
                report.reportType(),
                report.occurredOn(),
                report.receivedAt());
    }
}
