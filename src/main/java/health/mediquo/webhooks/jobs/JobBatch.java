package health.mediquo.webhooks.jobs;

import health.mediquo.webhooks.privacy.SealedPlace;
import java.util.List;
import java.util.Map;

/**
 * What one batch of a job did.
 *
 * @param rows the rows it went through, those it could not open included
 * @param counts what it did, by name, added to the job's counts
 * @param unreadable the values it could not open, left as they were
 * @param next where the job goes on; null after its last batch
 */
public record JobBatch(long rows, Map<String, Long> counts, List<SealedPlace> unreadable, JobPosition next) {

    /** A batch that found nothing to do where it was, and moves the job on. */
    public static JobBatch nothingAt(JobPosition next) {
        return new JobBatch(0, Map.of(), List.of(), next);
    }
}
