package health.mediquo.webhooks.reports;

import health.mediquo.webhooks.events.PatientReportSent;
import health.mediquo.webhooks.inbox.TimeOrderedIds;
import health.mediquo.webhooks.privacy.FieldCipher;
import health.mediquo.webhooks.privacy.SealedPlace;
import health.mediquo.webhooks.privacy.SealedRow;
import health.mediquo.webhooks.privacy.Sealing;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A report about a patient, as archived. A SOAP note keeps its four sections as columns, any other type its JSON. */
@Entity
@Table(name = "patient_report")
@EntityListeners(Sealing.class)
public class PatientReport implements SealedRow {

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

    @Column(name = "subjective", updatable = false)
    private String sealedSubjective;

    @Column(name = "objective", updatable = false)
    private String sealedObjective;

    @Column(name = "assessment", updatable = false)
    private String sealedAssessment;

    @Column(name = "plan", updatable = false)
    private String sealedPlan;

    @Column(name = "content_json", updatable = false)
    private String sealedContentJson;

    /** The content in clear until it is sealed: set only on a report made here, never read from the database. */
    @Transient
    private ReportContent content;

    @Transient
    private FieldCipher cipher;

    protected PatientReport() {}

    static PatientReport of(PatientReportSent sent) {
        PatientReport report = new PatientReport();
        report.id = TimeOrderedIds.next().toString();
        report.deliveryId = sent.delivery().toString();
        report.patientCode = sent.patientCode();
        report.reportType = sent.report().type();
        report.occurredOn = sent.occurredOn().atOffset(ZoneOffset.UTC);
        report.receivedAt = sent.receivedAt().atOffset(ZoneOffset.UTC);
        report.content = sent.report();
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
        if (sealedContentJson != null) {
            return Json.createReader(new StringReader(open("content_json", sealedContentJson)))
                    .readObject();
        }
        return Json.createObjectBuilder()
                .add("subjective", open("subjective", sealedSubjective))
                .add("objective", open("objective", sealedObjective))
                .add("assessment", open("assessment", sealedAssessment))
                .add("plan", open("plan", sealedPlan))
                .build();
    }

    @Override
    public void sealWith(FieldCipher cipher) {
        this.cipher = cipher;
        if (content instanceof ReportContent.Soap soap) {
            sealedSubjective = cipher.seal(soap.subjective(), place("subjective"));
            sealedObjective = cipher.seal(soap.objective(), place("objective"));
            sealedAssessment = cipher.seal(soap.assessment(), place("assessment"));
            sealedPlan = cipher.seal(soap.plan(), place("plan"));
        } else if (content instanceof ReportContent.Verbatim verbatim) {
            sealedContentJson = cipher.seal(verbatim.json(), place("content_json"));
        }
        content = null;
    }

    @Override
    public void openWith(FieldCipher cipher) {
        this.cipher = cipher;
    }

    private String open(String column, String sealed) {
        return cipher.open(sealed, place(column));
    }

    private SealedPlace place(String column) {
        return new SealedPlace("patient_report", column, id);
    }
}
