package health.mediquo.webhooks.jobs;

/**
 * Where a job goes on: its step (a table, a phase), and the row id after which the step's next batch starts.
 *
 * @param afterId empty before the step's first row
 */
public record JobPosition(int step, String afterId) {

    public static final JobPosition START = new JobPosition(0, "");

    /** The beginning of the next step. */
    public JobPosition nextStep() {
        return new JobPosition(step + 1, "");
    }

    public JobPosition after(String rowId) {
        return new JobPosition(step, rowId);
    }
}
