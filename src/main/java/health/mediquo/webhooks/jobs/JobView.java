package health.mediquo.webhooks.jobs;

import health.mediquo.webhooks.privacy.SealedPlace;
import health.mediquo.webhooks.receiving.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job as its requester follows it: its progress, what it did so far, the values it could not open, and its result
 * once it succeeded or its problem once it failed.
 *
 * @param rowsTotal the rows it found to do as it first started; null before
 * @param unreadable the first of the values it could not open, by place
 * @param unreadableTotal how many values it could not open
 */
@JsonbPropertyOrder({
    "id",
    "kind",
    "state",
    "requestedBy",
    "createdAt",
    "startedAt",
    "finishedAt",
    "rowsDone",
    "rowsTotal",
    "batches",
    "counts",
    "unreadable",
    "unreadableTotal",
    "result",
    "problem"
})
public record JobView(
        String id,
        String kind,
        String state,
        @JsonbProperty("requested_by") String requestedBy,
        @JsonbProperty("created_at") Instant createdAt,
        @JsonbProperty("started_at") Instant startedAt,
        @JsonbProperty("finished_at") Instant finishedAt,
        @JsonbProperty("rows_done") long rowsDone,
        @JsonbProperty("rows_total") Long rowsTotal,
        long batches,
        Map<String, Long> counts,
        List<Unreadable> unreadable,
        @JsonbProperty("unreadable_total") long unreadableTotal,
        JsonObject result,
        Problem problem) {

    static JobView of(Job job, List<SealedPlace> unreadable, long unreadableTotal) {
        return new JobView(
                job.id(),
                job.kind().label(),
                job.state().name().toLowerCase(),
                job.requestedBy(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.rowsDone(),
                job.rowsTotal(),
                job.batches(),
                new TreeMap<>(job.counts()),
                unreadable.stream()
                        .map(place -> new Unreadable(place.table(), place.column(), place.rowId()))
                        .toList(),
                unreadableTotal,
                job.result() == null
                        ? null
                        : Json.createReader(new StringReader(job.result())).readObject(),
                job.problem() == null ? null : Problem.of(500, "The job failed", "job-failed", job.problem(), null));
    }

    /** A value the job left as it was, because it does not open where it is. */
    @JsonbPropertyOrder({"table", "column", "id"})
    public record Unreadable(String table, String column, String id) {}
}
