package health.mediquo.webhooks.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** An entry of the audit trail as the API shows it (the patient only through the filter, never as a code). */
@JsonbPropertyOrder({"id", "seq", "recordedAt", "user", "action", "subject", "detail"})
public record AuditItem(
        String id,
        long seq,
        @JsonbProperty("recorded_at") Instant recordedAt,
        String user,
        String action,
        String subject,
        String detail) {

    static AuditItem of(AuditEntry entry) {
        return new AuditItem(
                entry.id(),
                entry.seq(),
                entry.recordedAt().toInstant(),
                entry.userName(),
                entry.action(),
                entry.subject(),
                entry.detail());
    }
}
