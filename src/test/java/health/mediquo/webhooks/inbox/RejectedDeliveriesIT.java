package health.mediquo.webhooks.inbox;

import static health.mediquo.webhooks.privacy.SuiteKey.digest;
import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static health.mediquo.webhooks.testing.ReceiverDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.privacy.SuiteKey;
import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ReportQueue;
import health.mediquo.webhooks.testing.ServerLog;
import health.mediquo.webhooks.testing.ServerMetrics;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentic deliveries that fail validation are kept as rejected, listed for operators, and reprocessed on demand. A
 * receiver "upgraded" to accept a body is simulated by a row planted with plain JDBC: a body valid today, kept as
 * rejected by an imagined older version that required {@code payload.patient.name}.
 */
@ExtendWith(ArquillianExtension.class)
class RejectedDeliveriesIT {

    private static final String INVALID_ENVELOPE = "urn:mediquo-webhooks:problem:invalid-envelope";

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void rejectedDeliveriesAreListedWithTheirProblemAndShownWithTheirBody() {
        String body = withoutPatientCode().toString();
        assertEquals(422, Receiver.deliver(body).status());

        JsonObject listed = listedRejected(body);
        Answer details = Receiver.get("api/deliveries/" + listed.getString("id"), ApiUser.ADMIN);

        assertEquals("rejected", listed.getString("status"));
        assertEquals("patient_report_sent", listed.getString("event_type"));
        JsonObject problem = listed.getJsonObject("problem");
        assertEquals(INVALID_ENVELOPE, problem.getString("type"));
        assertEquals("payload.patient.code", problem.getString("field"));
        assertEquals("'payload.patient.code' is required.", problem.getString("detail"));
        assertEquals(200, details.status(), details::toString);
        assertEquals(body, details.json().getString("body"));
        assertEquals(problem, details.json().getJsonObject("delivery").getJsonObject("problem"));
    }

    @Test
    void aDeliveryWithoutValidTypeOrTimeIsKeptWithoutThem() {
        String body = Deliveries.with(withoutPatientCode(), "/type", null).toString();
        assertEquals(422, Receiver.deliver(body).status());

        JsonObject listed = listedRejected(body);

        assertFalse(listed.containsKey("event_type"), listed::toString);
        assertTrue(listed.containsKey("occurred_on"), listed::toString);
        assertEquals("type", listed.getJsonObject("problem").getString("field"));
    }

    @Test
    void reprocessOfADeliveryStillInvalidIsUnprocessableAgainAndAudited() {
        String body = withoutPatientCode().toString();
        Answer delivered = Receiver.deliver(body);
        String id = listedRejected(body).getString("id");

        Answer reprocessed = Receiver.post("api/deliveries/" + id + "/reprocess", ApiUser.ADMIN);

        assertEquals(422, reprocessed.status(), reprocessed::toString);
        assertEquals("application/problem+json", reprocessed.contentType());
        assertEquals(delivered.body(), reprocessed.body(), "the same problem as on delivery");
        assertEquals("REJECTED", statusOf(id));
        assertEquals(0, count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", id));
        assertAudited("AUDIT delivery-reprocess user=" + ApiUser.ADMIN.name() + " delivery=" + id
                + " outcome=still_rejected");
    }

    @Test
    void reprocessTakesInADeliveryTheReceiverNowAcceptsOnce() {
        String id = plantedAsRejectedByAnOlderReceiver(soapReport(newPatientCode()));

        Answer reprocessed = Receiver.post("api/deliveries/" + id + "/reprocess", ApiUser.ADMIN);

        assertEquals(202, reprocessed.status(), reprocessed::toString);
        assertEquals("processed", reprocessed.json().getString("status"));
        assertEquals(id, reprocessed.deliveryId());
        assertEquals("PROCESSED", statusOf(id));
        assertNull(ReceiverDatabase.row("SELECT problem_type FROM delivery WHERE id = ?", id)
                .orElseThrow()
                .get("problem_type"));
        assertEquals(1, count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", id), "report archived");
        assertEquals(1, ReportQueue.noticesAbout(id, Duration.ofSeconds(20)).size(), "messages on the queue");
        assertAudited(
                "AUDIT delivery-reprocess user=" + ApiUser.ADMIN.name() + " delivery=" + id + " outcome=processed");

        Answer again = Receiver.post("api/deliveries/" + id + "/reprocess", ApiUser.ADMIN);

        assertEquals(409, again.status(), again::toString);
        assertEquals("application/problem+json", again.contentType());
        assertEquals(1, count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE delivery_id = ?", id));
        assertEquals(0, ReportQueue.noticesAbout(id, Duration.ofSeconds(5)).size(), "messages after the second");
    }

    @Test
    void aBodyKeptAsRejectedThatIsSentAgainIsTakenInNow() {
        JsonObject event = soapReport(newPatientCode());
        String id = plantedAsRejectedByAnOlderReceiver(event);

        Answer answer = Receiver.deliver(event.toString());

        assertEquals(202, answer.status(), answer::toString);
        assertEquals("accepted", answer.json().getString("status"));
        assertEquals(id, answer.deliveryId());
        assertEquals("PROCESSED", statusOf(id));
        assertEquals(1, count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", id));
        assertEquals(200, Receiver.deliver(event.toString()).status(), "a duplicate from now on");
    }

    @Test
    void rejectedDeliveriesWaitingShowInMetricsAndReadiness() {
        assertEquals(422, Receiver.deliver(withoutPatientCode().toString()).status());
        long waiting = count("SELECT COUNT(*) FROM delivery WHERE status = 'REJECTED'");

        double gauge = ServerMetrics.application().get("mediquo_inbox_rejected");
        JsonObject check = Receiver.getFromManagement("health/ready", "application/json")
                .healthChecks()
                .get("rejected-deliveries");

        assertTrue(waiting >= 1);
        assertEquals(waiting, (long) gauge);
        assertEquals("UP", check.getString("status"));
        assertEquals(waiting, Long.parseLong(check.getJsonObject("data").getString("waiting")));
    }

    @Test
    void reprocessOfADeliveryThatIsNotRejectedIsAConflictAndOfAnUnknownOneNotFound() {
        String processed =
                Receiver.deliver(soapReport(newPatientCode()).toString()).deliveryId();

        assertEquals(
                409,
                Receiver.post("api/deliveries/" + processed + "/reprocess", ApiUser.ADMIN)
                        .status());
        assertEquals(
                404,
                Receiver.post("api/deliveries/" + UUID.randomUUID() + "/reprocess", ApiUser.ADMIN)
                        .status());
        assertEquals(
                403,
                Receiver.post("api/deliveries/" + processed + "/reprocess", ApiUser.READER)
                        .status());
    }

    private static JsonObject withoutPatientCode() {
        return Deliveries.with(soapReport(newPatientCode()), "/payload/patient/code", null);
    }

    /** The listed rejected delivery with this body, found by its digest. */
    private static JsonObject listedRejected(String body) {
        String digest = digest(body.getBytes(StandardCharsets.UTF_8));
        Answer page = Receiver.get("api/deliveries?status=rejected&limit=200", ApiUser.ADMIN);
        assertEquals(200, page.status(), page::toString);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("body_digest").equals(digest))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not listed as rejected: " + digest));
    }

    /** A row as an older receiver would have kept it, body sealed under the suite's key. */
    private static String plantedAsRejectedByAnOlderReceiver(JsonObject event) {
        String id = UUID.randomUUID().toString();
        String body = event.toString();
        ReceiverDatabase.execute(
                "INSERT INTO delivery (id, body_digest, body, event_type, occurred_on, received_at, status,"
                        + " problem_type, problem_field, problem_detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'REJECTED', ?, ?, ?)",
                id,
                digest(body.getBytes(StandardCharsets.UTF_8)),
                SuiteKey.seal(body, "delivery", "body", id),
                event.getString("type"),
                Instant.ofEpochSecond(event.getJsonNumber("occurred_on").longValue())
                        .atOffset(ZoneOffset.UTC),
                OffsetDateTime.now(ZoneOffset.UTC),
                INVALID_ENVELOPE,
                "payload.patient.name",
                "'payload.patient.name' is required.");
        return id;
    }

    private static String statusOf(String id) {
        return (String) ReceiverDatabase.row("SELECT status FROM delivery WHERE id = ?", id)
                .orElseThrow()
                .get("status");
    }

    private static void assertAudited(String line) {
        assertEquals(
                1, Eventually.poll(() -> ServerLog.linesContaining(line), n -> n > 0, Duration.ofSeconds(10)), line);
    }
}
