package health.mediquo.webhooks.privacy;

import health.mediquo.webhooks.jobs.JobBatch;
import health.mediquo.webhooks.jobs.JobKind;
import health.mediquo.webhooks.jobs.JobPosition;
import health.mediquo.webhooks.jobs.JobWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A re-encryption as a job: one step for each table's sealed columns, one for the body digests. Several at once (on
 * several instances) share the rows between them. Once nothing is left under an older key, those keys are retired and
 * may be removed from the configuration.
 */
@ApplicationScoped
public class ReEncryptionWork implements JobWork {

    private static final Logger LOG = Logger.getLogger(ReEncryptionWork.class.getName());

    @Inject
    ReEncryption reEncryption;

    @Inject
    KeyRegister register;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyedDigests digests;

    @Inject
    Event<ReEncryptionRun> runs;

    @Override
    public JobKind kind() {
        return JobKind.RE_ENCRYPTION;
    }

    @Override
    public long rowsToDo(String subject) {
        return steps().stream().mapToLong(reEncryption::outdatedRows).sum();
    }

    @Override
    public JobBatch nextBatch(String subject, JobPosition at) {
        List<KeyedColumns> steps = steps();
        KeyedColumns keyed = steps.get(at.step());
        ReEncryption.Batch batch = reEncryption.remakeBatch(keyed, at.afterId());
        if (batch.lastId() == null) {
            return JobBatch.nothingAt(at.step() + 1 < steps.size() ? at.nextStep() : null);
        }
        return new JobBatch(
                batch.rows() + batch.unreadable().size(),
                Map.of(keyed.name(), (long) batch.rows()),
                batch.unreadable(),
                at.after(batch.lastId()));
    }

    @Override
    public ReEncrypted finish(String requestedBy, String subject, Map<String, Long> counts, long batches) {
        List<KeyedColumns> sealed = reEncryption.sealedColumns();
        Map<String, Long> resealed = new LinkedHashMap<>();
        sealed.forEach(columns -> resealed.put(columns.table(), counts.getOrDefault(columns.name(), 0L)));
        KeyedColumns digested = reEncryption.digestedBodies();
        ReEncrypted done = new ReEncrypted(
                cipher.currentKeyId(),
                resealed,
                retireWhenDone(sealed),
                digests.currentKeyId(),
                counts.getOrDefault(digested.name(), 0L),
                retireWhenDone(List.of(digested)));
        LOG.info(() ->
                "Re-encryption under data key '%s' and digest key '%s': rows resealed %s, bodies digested again %d,"
                                .formatted(done.currentKey(), done.currentDigestKey(), resealed, done.redigestedRows())
                        + " keys retired %s and %s".formatted(done.retiredKeys(), done.retiredDigestKeys()));
        runs.fire(new ReEncryptionRun(requestedBy, done, Instant.now()));
        return done;
    }

    /** Each table's sealed columns, then the body digests. */
    private List<KeyedColumns> steps() {
        return Stream.concat(reEncryption.sealedColumns().stream(), Stream.of(reEncryption.digestedBodies()))
                .toList();
    }

    /**
     * Rows skipped because another re-encryption held them may still be outdated: that one retires the keys. Rows
     * that do not open stay outdated, and keep their key.
     */
    private List<String> retireWhenDone(List<KeyedColumns> columns) {
        return columns.stream().allMatch(reEncryption::isDone)
                ? register.retireAllButCurrent(columns.get(0).keys())
                : List.of();
    }
}
