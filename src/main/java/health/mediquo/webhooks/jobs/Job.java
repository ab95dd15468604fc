package health.mediquo.webhooks.jobs;

import health.mediquo.webhooks.privacy.FieldCipher;
import health.mediquo.webhooks.privacy.SealedPlace;
import health.mediquo.webhooks.privacy.SealedRow;
import health.mediquo.webhooks.privacy.Sealing;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** A job and how far it got: what the last committed batch left, and which instance holds it until when. */
@Entity
@Table(name = "job")
@EntityListeners(Sealing.class)
public class Job implements SealedRow {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private JobKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private JobState state;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    /** Sealed; emptied when the job ends. */
    @Column(name = "subject")
    private String sealedSubject;

    @Transient
    private String subject;

    @Transient
    private FieldCipher cipher;

    /** Null once the last batch is done. */
    @Column(name = "next_step")
    private Integer nextStep;

    @Column(name = "after_id", nullable = false)
    private String afterId;

    @Column(name = "rows_total")
    private Long rowsTotal;

    @Column(name = "rows_done", nullable = false)
    private long rowsDone;

    @Column(name = "batches", nullable = false)
    private long batches;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "job_count", joinColumns = @JoinColumn(name = "job_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "amount")
    private Map<String, Long> counts = new HashMap<>();

    /** JSON, once the job succeeded. */
    @Column(name = "result")
    private String result;

    /** Why the job failed. */
    @Column(name = "problem")
    private String problem;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "owner")
    private String owner;

    @Column(name = "lease_until", nullable = false)
    private OffsetDateTime leaseUntil;

    protected Job() {}

    /**
     * A job asked for now, held by the instance that will start it.
     *
     * @param subject what the job is about, if anything (an erasure's patient code); sealed
     */
    Job(String id, JobKind kind, String requestedBy, String subject, Instant now, String owner, Instant leaseUntil) {
        this.id = id;
        this.kind = kind;
        this.state = JobState.RUNNING;
        this.requestedBy = requestedBy;
        this.subject = subject;
        this.nextStep = JobPosition.START.step();
        this.afterId = JobPosition.START.afterId();
        this.createdAt = at(now);
        this.owner = owner;
        this.leaseUntil = at(leaseUntil);
    }

    /** Counts the rows to do on the first start, not when the job is taken up again. */
    void startedBy(String owner, Instant now, LongSupplier rowsToDo) {
        requireHeldBy(owner);
        if (startedAt == null) {
            startedAt = at(now);
            rowsTotal = rowsToDo.getAsLong();
        }
    }

    /** A batch is done: it commits with the job's new position, and the lease is renewed. */
    void recordBatch(String owner, JobBatch batch, Instant leaseUntil) {
        requireHeldBy(owner);
        rowsDone += batch.rows();
        batches++;
        batch.counts().forEach((name, amount) -> counts.merge(name, amount, Long::sum));
        nextStep = batch.next() == null ? null : batch.next().step();
        afterId = batch.next() == null ? "" : batch.next().afterId();
        this.leaseUntil = at(leaseUntil);
    }

    void succeeded(String owner, String result, Instant now) {
        requireHeldBy(owner);
        this.result = result;
        end(JobState.SUCCEEDED, now);
    }

    void failed(String owner, String problem, Instant now) {
        requireHeldBy(owner);
        this.problem = problem;
        end(JobState.FAILED, now);
    }

    private void end(JobState outcome, Instant now) {
        state = outcome;
        finishedAt = at(now);
        sealedSubject = null;
        subject = null;
        this.owner = null;
    }

    void requireHeldBy(String owner) {
        if (state != JobState.RUNNING || !owner.equals(this.owner)) {
            throw new LostLease(id);
        }
    }

    @Override
    public void sealWith(FieldCipher cipher) {
        sealedSubject = cipher.seal(subject, subjectPlace());
    }

    @Override
    public void openWith(FieldCipher cipher) {
        this.cipher = cipher;
    }

    private SealedPlace subjectPlace() {
        return new SealedPlace("job", "subject", id);
    }

    String subject() {
        if (subject == null && sealedSubject != null) {
            subject = cipher.open(sealedSubject, subjectPlace());
        }
        return subject;
    }

    /** Where the job goes on; null once its last batch is done. */
    JobPosition position() {
        return nextStep == null ? null : new JobPosition(nextStep, afterId);
    }

    String id() {
        return id;
    }

    JobKind kind() {
        return kind;
    }

    JobState state() {
        return state;
    }

    String requestedBy() {
        return requestedBy;
    }

    Long rowsTotal() {
        return rowsTotal;
    }

    long rowsDone() {
        return rowsDone;
    }

    long batches() {
        return batches;
    }

    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    String result() {
        return result;
    }

    String problem() {
        return problem;
    }

    Instant createdAt() {
        return createdAt.toInstant();
    }

    Instant startedAt() {
        return startedAt == null ? null : startedAt.toInstant();
    }

    Instant finishedAt() {
        return finishedAt == null ? null : finishedAt.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
