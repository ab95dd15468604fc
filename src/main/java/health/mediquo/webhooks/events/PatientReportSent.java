package health.mediquo.webhooks.events;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.receiving.Envelope;
import health.mediquo.webhooks.receiving.JsonFields;
import health.mediquo.webhooks.reports.ReportContent;
import java.time.Instant;

/** A professional sent a patient a new report ({@code patient_report_sent}). */
public record PatientReportSent(
        DeliveryId delivery, Instant occurredOn, Instant receivedAt, ReportContent report, String patientCode) {

    public static final String TYPE = "patient_report_sent";

    static final int MAX_PATIENT_CODE_LENGTH = 255;

    static PatientReportSent decode(DeliveryId delivery, Instant receivedAt, Envelope envelope) {
        JsonFields payload = envelope.payload();
        ReportContent report = ReportContent.decode(payload);
        String patientCode = payload.object("patient").text("code", MAX_PATIENT_CODE_LENGTH);
        return new PatientReportSent(delivery, envelope.occurredOn(), receivedAt, report, patientCode);
    }
}
