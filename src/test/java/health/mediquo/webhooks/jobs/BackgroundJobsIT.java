package health.mediquo.webhooks.jobs;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.privacy.SuiteKey;
import health.mediquo.webhooks.testing.FollowedJobs;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Re-encryption and erasure run as jobs: answered 202 at once, followed to their end, shown only to the role that may
 * ask for them, going on past values that do not open, and taken up where they were left off when their instance
 * stopped. Rows planted here are removed again, so that the database ends as it began.
 */
@ExtendWith(ArquillianExtension.class)
class BackgroundJobsIT {

    /** Where a re-encryption goes after the deliveries' sealed bodies: the reports' columns. */
    private static final int AFTER_THE_DELIVERIES = 1;

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void aJobShowsWhatItDidAndGoesOnPastAValueThatDoesNotOpen() {
        accepted(Receiver.deliver(soapReport(newPatientCode()).toString()));
        String unreadable = plantedAsBeforeBinding(TestSecrets.OTHER_DATA_KEY_2);
        // Under an older digest key too: the re-encryption meets the body twice (to reseal it, to digest it).
        ReceiverDatabase.execute(
                "UPDATE delivery SET body_digest = ? WHERE id = ?", "it-d0:" + UUID.randomUUID(), unreadable);
        String sealed = body(unreadable);
        try {
            JsonObject job =
                    FollowedJobs.succeeded(Receiver.post("api/encryption/re-encrypt", ApiUser.ADMIN), ApiUser.ADMIN);

            assertEquals("re-encryption", job.getString("kind"));
            assertEquals("it-admin", job.getString("requested_by"));
            assertEquals(
                    List.of(Json.createObjectBuilder()
                            .add("table", "delivery")
                            .add("column", "body")
                            .add("id", unreadable)
                            .build()),
                    job.getJsonArray("unreadable"),
                    job::toString);
            assertEquals(1, job.getInt("unreadable_total"), job::toString);
            assertEquals(sealed, body(unreadable), "left as it was");
            assertTrue(job.getInt("rows_done") >= 1, job::toString);
            assertTrue(job.getInt("rows_total") >= 1, job::toString);
            assertTrue(job.getInt("batches") >= 1, job::toString);
            assertTrue(job.getJsonObject("counts").containsKey("delivery"), job::toString);
            assertTrue(job.containsKey("finished_at"), job::toString);
            assertEquals("it-1", job.getJsonObject("result").getString("current_key"), job::toString);
        } finally {
            ReceiverDatabase.execute("DELETE FROM delivery WHERE id = ?", unreadable);
        }
    }

    /**
     * A job whose instance stopped after its batches of the deliveries is taken up after the reports: the delivery
     * planted meanwhile, which those batches would have resealed, is left to the next re-encryption.
     */
    @Test
    void aJobLeftOffByAStoppedInstanceIsTakenUpWhereItWasLeft() {
        String legacy = plantedAsBeforeBinding(System.getProperty("it.data.key"));
        try {
            String job = leftOff("RE_ENCRYPTION", AFTER_THE_DELIVERIES, null);

            JsonObject ended = FollowedJobs.ended(Receiver.APPLICATION.resolve("api/jobs/" + job), ApiUser.ADMIN);

            assertEquals("succeeded", ended.getString("state"), ended::toString);
            assertTrue(ended.getInt("batches") > 1, ended::toString);
            assertEquals(5, ended.getInt("rows_total"), "counted once, when it first started");
            assertTrue(body(legacy).startsWith("it-1:"), "the step it had done is not done again");

            FollowedJobs.succeeded(Receiver.post("api/encryption/re-encrypt", ApiUser.ADMIN), ApiUser.ADMIN);
            assertTrue(body(legacy).startsWith("it-1@"), "resealed by the next re-encryption");
        } finally {
            ReceiverDatabase.execute("DELETE FROM delivery WHERE id = ?", legacy);
        }
    }

    /** An erasure whose sealed subject, the patient code, does not open: it cannot know whom to erase. */
    @Test
    void aJobThatCannotGoOnFailsWithAProblem() {
        String job = leftOff("PATIENT_ERASURE", 0, "it-1@bm90IGEgc2VhbGVkIHZhbHVlIGF0IGFsbCwganVzdCB0ZXh0");

        JsonObject ended = FollowedJobs.ended(Receiver.APPLICATION.resolve("api/jobs/" + job), ApiUser.PRIVACY);

        assertEquals("failed", ended.getString("state"), ended::toString);
        JsonObject problem = ended.getJsonObject("problem");
        assertEquals("urn:mediquo-webhooks:problem:job-failed", problem.getString("type"), ended::toString);
        assertTrue(problem.getString("detail").contains("UnreadableCiphertext"), ended::toString);
        assertTrue(ended.containsKey("finished_at"), ended::toString);
        assertEquals(
                0,
                ReceiverDatabase.count("SELECT COUNT(*) FROM job WHERE id = ? AND subject IS NOT NULL", job),
                "its subject is emptied when it ends");
    }

    @Test
    void aJobIsShownOnlyToTheRoleThatMayAskForIt() {
        Answer started = Receiver.post("api/encryption/re-encrypt", ApiUser.ADMIN);
        String job = "api/jobs/" + started.json().getString("id");
        FollowedJobs.succeeded(started, ApiUser.ADMIN);

        assertEquals(404, Receiver.get(job, ApiUser.PRIVACY).status(), "an erasure's role does not see it");
        assertEquals(403, Receiver.get(job, ApiUser.READER).status());
        assertEquals(401, Receiver.get(job, null).status());
        Answer unknown = Receiver.get("api/jobs/" + UUID.randomUUID(), ApiUser.ADMIN);
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("application/problem+json", unknown.contentType());
    }

    /**
     * A running job as an instance left it when it stopped: its lease ran out an hour ago, after one batch of five
     * rows.
     */
    private static String leftOff(String kind, int nextStep, String sealedSubject) {
        String job = UUID.randomUUID().toString();
        ReceiverDatabase.execute(
                "INSERT INTO job (id, kind, state, requested_by, subject, next_step, after_id, rows_total, rows_done,"
                        + " batches, created_at, started_at, owner, lease_until) VALUES (?, ?, 'RUNNING', 'it-admin',"
                        + " ?, ?, '', 5, 5, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'a-stopped-instance',"
                        + " CURRENT_TIMESTAMP - INTERVAL '1' HOUR)",
                job,
                kind,
                sealedSubject,
                nextStep);
        return job;
    }

    private static String plantedAsBeforeBinding(String key) {
        return SuiteKey.plantedAsBeforeBinding(soapReport(newPatientCode()).toString(), key);
    }

    private static String body(String deliveryId) {
        return ReceiverDatabase.strings("SELECT body FROM delivery WHERE id = ?", deliveryId)
                .get(0);
    }

    private static void accepted(Answer answer) {
        assertEquals(202, answer.status(), answer::toString);
    }
}
