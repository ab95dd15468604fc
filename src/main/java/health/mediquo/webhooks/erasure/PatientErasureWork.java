package health.mediquo.webhooks.erasure;

import health.mediquo.webhooks.inbox.DeliveryRemoval;
import health.mediquo.webhooks.jobs.JobBatch;
import health.mediquo.webhooks.jobs.JobKind;
import health.mediquo.webhooks.jobs.JobPosition;
import health.mediquo.webhooks.jobs.JobWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * An erasure as a job, its subject the patient's code: first the deliveries of the patient's reports, then a look
 * through the deliveries that made no report. Safe to repeat: a second erasure removes what the first left.
 */
@ApplicationScoped
public class PatientErasureWork implements JobWork {

    private static final Logger LOG = Logger.getLogger(PatientErasureWork.class.getName());
    private static final int REPORTED = 0;

    @Inject
    PatientErasure erasure;

    @Inject
    Event<ErasureRun> runs;

    @Override
    public JobKind kind() {
        return JobKind.PATIENT_ERASURE;
    }

    @Override
    public long rowsToDo(String patientCode) {
        return erasure.reportedDeliveries(patientCode) + erasure.unreportedDeliveries();
    }

    @Override
    public JobBatch nextBatch(String patientCode, JobPosition at) {
        if (at.step() == REPORTED) {
            DeliveryRemoval.Removed removed = erasure.eraseReported(patientCode);
            return removed.deliveries() == 0
                    ? JobBatch.nothingAt(at.nextStep())
                    : new JobBatch(removed.deliveries(), counts(removed), List.of(), at);
        }
        PatientErasure.Scanned scanned = erasure.eraseUnreported(patientCode, at.afterId());
        return scanned.lastId() == null
                ? JobBatch.nothingAt(null)
                : new JobBatch(
                        scanned.rows(), counts(scanned.removed()), scanned.unreadable(), at.after(scanned.lastId()));
    }

    @Override
    public PatientErased finish(String requestedBy, String patientCode, Map<String, Long> counts, long batches) {
        PatientErased erased = new PatientErased(
                counts.getOrDefault("deliveries", 0L),
                counts.getOrDefault("reports", 0L),
                counts.getOrDefault("notifications", 0L),
                batches);
        runs.fire(new ErasureRun(requestedBy, patientCode, erased, Instant.now()));
        // The patient code never reaches the log: the audit trail holds the erasure, under the patient's digest.
        LOG.info(() -> "Patient erasure: %d deliveries, %d reports, %d notifications removed in %d batches"
                .formatted(erased.deliveries(), erased.reports(), erased.notifications(), erased.batches()));
        return erased;
    }

    private static Map<String, Long> counts(DeliveryRemoval.Removed removed) {
        return Map.of(
                "deliveries", removed.deliveries(),
                "reports", removed.reports(),
                "notifications", removed.notifications());
    }
}
