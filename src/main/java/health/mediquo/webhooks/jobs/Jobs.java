package health.mediquo.webhooks.jobs;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs jobs on the server's managed executor, one batch after another, and takes up those another instance left off.
 * A job is held through a lease renewed by each batch: while it lasts, no other instance runs the job.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());

    /** This instance, as the holder of the jobs it runs. */
    private final String instance = UUID.randomUUID().toString();

    @Resource
    ManagedExecutorService executor;

    @Inject
    JobLedger ledger;

    @Inject
    @Any
    Instance<JobWork> works;

    @Inject
    @ConfigProperty(name = "mediquo.jobs.lease-seconds", defaultValue = "30")
    long leaseSeconds;

    private volatile boolean stopping;

    /** Records the job, then starts it in the background. */
    public Job start(JobKind kind, String requestedBy, String subject) {
        Job job = ledger.open(kind, requestedBy, subject, instance, leaseEnd());
        submit(job.id());
        return job;
    }

    /** Takes up every job whose lease ran out, where its last committed batch left it. */
    void takeUpLeftOff() {
        for (String id : ledger.leftOff(Instant.now())) {
            if (!stopping && ledger.claim(id, instance, Instant.now(), leaseEnd())) {
                LOG.info(() -> "Job %s taken up where it was left off".formatted(id));
                submit(id);
            }
        }
    }

    private void submit(String id) {
        try {
            executor.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            LOG.warning(() ->
                    "Job %s waits: the executor refused it; it is taken up once its lease runs out".formatted(id));
        }
    }

    private void run(String id) {
        try {
            JobWork work = workOf(ledger.kindOf(id));
            JobPosition at = ledger.start(id, instance, work);
            while (at != null) {
                if (stopping) {
                    return; // taken up where it is, once its lease runs out
                }
                at = ledger.step(id, instance, work, leaseEnd());
            }
            ledger.finish(id, instance, work);
            LOG.info(() -> "Job %s succeeded".formatted(id));
        } catch (LostLease e) {
            LOG.warning(e::getMessage);
        } catch (RuntimeException e) {
            if (stopping) {
                return; // interrupted by the stop: not a failure of the job's
            }
            LOG.log(Level.SEVERE, "Job " + id + " failed", e);
            ledger.fail(
                    id,
                    instance,
                    "A batch failed (%s); what the job did before it is kept. The server log has the cause."
                            .formatted(e.getClass().getSimpleName()));
        }
    }

    private JobWork workOf(JobKind kind) {
        return works.stream()
                .filter(work -> work.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No work for jobs of kind " + kind));
    }

    private Instant leaseEnd() {
        return Instant.now().plusSeconds(leaseSeconds);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
