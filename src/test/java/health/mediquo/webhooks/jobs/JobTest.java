package health.mediquo.webhooks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job's progress moves only in the hands of the instance that holds it, and only while it runs. */
class JobTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aBatchMovesTheJobOnAndAddsUpItsCounts() {
        Job job = heldBy("this-instance");

        job.recordBatch("this-instance", batch(Map.of("delivery", 3L), JobPosition.START.after("id-3")), NOW);
        job.recordBatch("this-instance", batch(Map.of("delivery", 2L), JobPosition.START.nextStep()), NOW);

        assertEquals(new JobPosition(1, ""), job.position());
        assertEquals(Map.of("delivery", 5L), job.counts());
        assertEquals(2, job.batches());
        job.recordBatch("this-instance", JobBatch.nothingAt(null), NOW);
        assertNull(job.position(), "no batch left");
    }

    @Test
    void anInstanceThatNoLongerHoldsTheJobCannotRecordABatch() {
        Job job = heldBy("another-instance");

        assertThrows(LostLease.class, () -> job.recordBatch("this-instance", JobBatch.nothingAt(null), NOW));
        assertEquals(0, job.batches());
    }

    @Test
    void anEndedJobTakesNoFurtherBatch() {
        Job job = heldBy("this-instance");
        job.failed("this-instance", "a batch failed", NOW);

        assertThrows(LostLease.class, () -> job.recordBatch("this-instance", JobBatch.nothingAt(null), NOW));
        assertNull(job.subject(), "its subject emptied");
    }

    private static Job heldBy(String owner) {
        return new Job("job-1", JobKind.RE_ENCRYPTION, "it-admin", null, NOW, owner, NOW.plusSeconds(30));
    }

    private static JobBatch batch(Map<String, Long> counts, JobPosition next) {
        return new JobBatch(counts.values().stream().mapToLong(Long::longValue).sum(), counts, List.of(), next);
    }
}
