package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.reports.ReportArchived;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** The JSON body of the JMS message about an archived report: identifiers and timestamps, no clinical text. */
@JsonbPropertyOrder({"deliveryId", "reportId", "patientCode", "reportType", "occurredOn", "receivedAt"})
public record ReportNotice(
        @JsonbProperty("delivery_id") String deliveryId,
        @JsonbProperty("report_id") String reportId,
        @JsonbProperty("patient_code") String patientCode,
        @JsonbProperty("report_type") String reportType,
        @JsonbProperty("occurred_on") Instant occurredOn,
        @JsonbProperty("received_at") Instant receivedAt) {

    static ReportNotice of(ReportArchived archived) {
        return new ReportNotice(
                archived.delivery().toString(),
                archived.reportId(),
                archived.patientCode(),
                archived.reportType(),
                archived.occurredOn(),
                archived.receivedAt());
    }
}
