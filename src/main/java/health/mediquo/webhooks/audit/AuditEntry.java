package health.mediquo.webhooks.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One entry of the audit trail, as stored: never changed once appended. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "seq", nullable = false, updatable = false)
    private long seq;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "user_name", nullable = false, updatable = false)
    private String userName;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "subject", updatable = false)
    private String subject;

    @Column(name = "patient_digest", updatable = false)
    private String patientDigest;

    @Column(name = "detail", updatable = false)
    private String detail;

    @Column(name = "chain_link", nullable = false, updatable = false)
    private String chainLink;

    protected AuditEntry() {}

    AuditEntry(String id, long seq, AuditRecord record, String patientDigest) {
        this.id = id;
        this.seq = seq;
        // As the database keeps it, so that the content read back is the content linked.
        this.recordedAt = record.at().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        this.userName = record.user();
        this.action = record.action();
        this.subject = record.subject();
        this.patientDigest = patientDigest;
        this.detail = record.detail();
    }

    /** Everything the link authenticates, one field a line: no field holds a line feed but the detail, which is last. */
    String content() {
        return Stream.of(id, seq, recordedAt.toInstant(), userName, action, subject, patientDigest, detail)
                .map(field -> Objects.toString(field, ""))
                .collect(Collectors.joining("\n"));
    }

    void linkWith(String chainLink) {
        this.chainLink = chainLink;
    }

    String id() {
        return id;
    }

    long seq() {
        return seq;
    }

    OffsetDateTime recordedAt() {
        return recordedAt;
    }

    String userName() {
        return userName;
    }

    String action() {
        return action;
    }

    String subject() {
        return subject;
    }

    String detail() {
        return detail;
    }

    String chainLink() {
        return chainLink;
    }
}
