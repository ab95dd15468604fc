package health.mediquo.webhooks.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;

/** The jobs a request started (202, and where to follow them), followed as their requester would until they end. */
public final class FollowedJobs {

    private static final Duration LONGEST_JOB = Duration.ofSeconds(180);

    private FollowedJobs() {}

    /** The job, once it succeeded. */
    public static JsonObject succeeded(Answer started, ApiUser requester) {
        JsonObject job = ended(started, requester);
        assertEquals("succeeded", job.getString("state"), job::toString);
        return job;
    }

    /** The job, once it succeeded or failed. */
    public static JsonObject ended(Answer started, ApiUser requester) {
        assertEquals(202, started.status(), started::toString);
        assertEquals("running", started.json().getString("state"), started::toString);
        assertNotNull(started.location(), () -> "no Location: " + started);
        URI job = URI.create(started.location());
        assertEquals(
                started.json().getString("id"),
                job.getPath().substring(job.getPath().lastIndexOf('/') + 1));
        return ended(job, requester);
    }

    /** The job at that address, once it succeeded or failed. */
    public static JsonObject ended(URI job, ApiUser requester) {
        Answer ended = Eventually.poll(
                () -> Receiver.get(job, requester),
                answer -> answer.status() != 200
                        || !answer.json().getString("state").equals("running"),
                LONGEST_JOB);
        assertEquals(200, ended.status(), ended::toString);
        return ended.json();
    }
}
