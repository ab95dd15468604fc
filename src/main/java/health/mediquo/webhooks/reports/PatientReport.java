package health.mediquo.webhooks.reports;

import health.mediquo.webhooks.events.PatientReportSent;
import health.mediquo.webhooks.inbox.TimeOrderedIds;
import health.mediquo.webhooks.privacy.SealedText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A report about a patient, as archived. A SOAP note keeps its four sections as columns, any other type its JSON. */
@Entity
@Table(name = "patient_report")
public class PatientReport {

    @Id
    private String id;

    @Column(name = "delivery_id", nullable = false, updatable = false)
    private String deliveryId;

    @Column(name = "patient_code", nullable = false, updatable = false)
    private String patientCode;

    @Column(name = "report_type", nullable = false, updatable = false)
    private String reportType;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private OffsetDateTime occurredOn;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Convert(converter = SealedText.class)
    @Column(name = "subjective", updatable = false)
    private String subjective;

    @Convert(converter = SealedText.class)
    @Column(name = "objective", updatable = false)
    private String objective;

    @Convert(converter = SealedText.class)
    @Column(name = "assessment", updatable = false)
    private String assessment;

    @Convert(converter = SealedText.class)
    @Column(name = "plan", updatable = false)
    private String plan;

    @Convert(converter = SealedText.class)
    @Column(name = "content_json", updatable = false)
    private String contentJson;

    protected PatientReport() {}

    static PatientReport of(PatientReportSent sent) {
        PatientReport report = new PatientReport();
        report.id = TimeOrderedIds.next().toString();
        report.deliveryId = sent.delivery().toString();
        report.patientCode = sent.patientCode();
        report.reportType = sent.report().type();
        report.occurredOn = sent.occurredOn().atOffset(ZoneOffset.UTC);
        report.receivedAt = sent.receivedAt().atOffset(ZoneOffset.UTC);
        if (sent.report() instanceof ReportContent.Soap soap) {
            report.subjective = soap.subjective();
            report.objective = soap.objective();
            report.assessment = soap.assessment();
            report.plan = soap.plan();
        } else if (sent.report() instanceof ReportContent.Verbatim verbatim) {
            report.contentJson = verbatim.json();
        }
        return report;
    }

    String id() {
        return id;
    }

    String deliveryId() {
        return deliveryId;
    }

    String patientCode() {
        return patientCode;
    }

    String reportType() {
        return reportType;
    }

    Instant occurredOn() {
        return occurredOn.toInstant();
    }

    Instant receivedAt() {
        return receivedAt.toInstant();
    }

    /** The clinical content, as the JSON object MediQuo sent (its four sections, for a SOAP note). */
    JsonObject content() {
        if (contentJson != null) {
            return Json.createReader(new StringReader(contentJson)).readObject();
        }
        return Json.createObjectBuilder()
                .add("subjective", subjective)
                .add("objective", objective)
                .add("assessment", assessment)
                .add("plan", plan)
                .build();
    }
}
