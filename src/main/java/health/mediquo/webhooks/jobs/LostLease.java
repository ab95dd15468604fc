package health.mediquo.webhooks.jobs;

/**
 * This instance held a job too long without a word (a batch outlasted the lease): another instance took it up, and
 * this one's batch is rolled back.
 */
class LostLease extends RuntimeException {

    LostLease(String jobId) {
        super("Job " + jobId + " was taken up by another instance");
    }
}
