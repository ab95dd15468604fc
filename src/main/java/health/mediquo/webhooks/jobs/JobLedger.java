package health.mediquo.webhooks.jobs;

import health.mediquo.webhooks.inbox.TimeOrderedIds;
import health.mediquo.webhooks.privacy.SealedPlace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The jobs as stored: each change of a job in a transaction of its own, a batch's work included, so that what a job
 * shows is what is committed. Every change but the claim locks the job's row and checks that this instance still
 * holds it.
 */
@ApplicationScoped
public class JobLedger {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Transactional
    public Job open(JobKind kind, String requestedBy, String subject, String owner, Instant leaseUntil) {
        Job job =
                new Job(TimeOrderedIds.next().toString(), kind, requestedBy, subject, Instant.now(), owner, leaseUntil);
        entityManager.persist(job);
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(entityManager.find(Job.class, id));
    }

    /**
     * In a transaction of its own: on the executor's threads, a read outside a transaction may find the entity manager
     * of the timer or request that started the job already closed.
     */
    @Transactional
    public JobKind kindOf(String id) {
        return entityManager.find(Job.class, id).kind();
    }

    /** The running jobs whose lease has run out: their instance stopped or died. */
    public List<String> leftOff(Instant now) {
        return entityManager
                .createQuery(
                        "SELECT j.id FROM Job j WHERE j.state = :running AND j.leaseUntil < :now ORDER BY j.id",
                        String.class)
                .setParameter("running", JobState.RUNNING)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList();
    }

    /** Takes up a job left off, unless another instance took it first. */
    @Transactional
    public boolean claim(String id, String owner, Instant now, Instant leaseUntil) {
        return entityManager
                        .createQuery("UPDATE Job j SET j.owner = :owner, j.leaseUntil = :until"
                                + " WHERE j.id = :id AND j.state = :running AND j.leaseUntil < :now")
                        .setParameter("owner", owner)
                        .setParameter("until", leaseUntil.atOffset(ZoneOffset.UTC))
                        .setParameter("id", id)
                        .setParameter("running", JobState.RUNNING)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate()
                == 1;
    }

    /** Counts the rows to do when the job first starts; returns where it goes on, null when no batch is left. */
    @Transactional
    public JobPosition start(String id, String owner, JobWork work) {
        Job job = held(id, owner);
        job.startedBy(owner, Instant.now(), () -> work.rowsToDo(job.subject()));
        return job.position();
    }

    /** The next batch, committed with the job's progress; returns where the job goes on, null after its last batch. */
    @Transactional
    public JobPosition step(String id, String owner, JobWork work, Instant leaseUntil) {
        Job job = held(id, owner);
        JobBatch batch = work.nextBatch(job.subject(), job.position());
        // A re-encryption opens each body twice (to reseal it, to digest it): one that does not open is met twice.
        batch.unreadable().stream()
                .distinct()
                .filter(place -> !isListed(id, place))
                .forEach(place -> entityManager
                        .createNativeQuery("INSERT INTO job_unreadable (job_id, table_name, column_name, row_id)"
                                + " VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, id)
                        .setParameter(2, place.table())
                        .setParameter(3, place.column())
                        .setParameter(4, place.rowId())
                        .executeUpdate());
        job.recordBatch(owner, batch, leaseUntil);
        return job.position();
    }

    @Transactional
    public void finish(String id, String owner, JobWork work) {
        Job job = held(id, owner);
        Object result = work.finish(job.requestedBy(), job.subject(), job.counts(), job.batches());
        job.succeeded(owner, JSON.toJson(result), Instant.now());
    }

    @Transactional
    public void fail(String id, String owner, String problem) {
        held(id, owner).failed(owner, problem, Instant.now());
    }

    /** The first values the job could not open, in the order of their places. */
    public List<SealedPlace> unreadable(String id, int limit) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT table_name, column_name, row_id FROM job_unreadable WHERE job_id = ?1"
                        + " ORDER BY table_name, column_name, row_id")
                .setParameter(1, id)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(row -> new SealedPlace((String) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    public long unreadableCount(String id) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT COUNT(*) FROM job_unreadable WHERE job_id = ?1")
                        .setParameter(1, id)
                        .getSingleResult())
                .longValue();
    }

    private boolean isListed(String id, SealedPlace place) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM job_unreadable WHERE job_id = ?1 AND table_name = ?2"
                        + " AND column_name = ?3 AND row_id = ?4")
                .setParameter(1, id)
                .setParameter(2, place.table())
                .setParameter(3, place.column())
                .setParameter(4, place.rowId())
                .getResultList()
                .isEmpty();
    }

    private Job held(String id, String owner) {
        Job job = entityManager.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
        job.requireHeldBy(owner);
        return job;
    }
}
