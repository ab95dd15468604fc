package health.mediquo.webhooks.jobs;

import java.util.Map;

/**
 * The work of one kind of job, done in batches. Each batch runs in the transaction that records the job's progress, so
 * that a batch and its place in the job commit together: a job taken up again after a restart repeats no batch.
 */
public interface JobWork {

    JobKind kind();

    /** The rows the job will go through, counted as it first starts (a running job may find others meanwhile). */
    long rowsToDo(String subject);

    /** Does the batch at this position, in the caller's transaction. */
    JobBatch nextBatch(String subject, JobPosition at);

    /**
     * After the last batch, in the transaction that ends the job: anything left to do once (retire keys, an audit
     * entry), and the job's result as JSON-B maps it.
     */
    Object finish(String requestedBy, String subject, Map<String, Long> counts, long batches);
}
