package health.mediquo.webhooks.jobs;

/** A job runs until its last batch, or until a batch fails; an interrupted job is still running. */
public enum JobState {
    RUNNING,
    SUCCEEDED,
    FAILED
}
