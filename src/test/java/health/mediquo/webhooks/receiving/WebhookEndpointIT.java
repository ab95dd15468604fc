package health.mediquo.webhooks.receiving;

import static health.mediquo.webhooks.privacy.SuiteKey.digest;
import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static health.mediquo.webhooks.testing.ReceiverDatabase.count;
import static health.mediquo.webhooks.testing.ReceiverDatabase.row;
import static health.mediquo.webhooks.testing.ReceiverDatabase.totalRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the answer table of the webhook endpoint, against the deployed receiver and its database. */
@ExtendWith(ArquillianExtension.class)
class WebhookEndpointIT {

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void documentationExampleIsStoredByteForByte() {
        byte[] example = Deliveries.documentationExample();

        Answer answer = Receiver.deliver(example);

        assertEquals(202, answer.status(), answer::toString);
        assertEquals("accepted", answer.json().getString("status"));
        Map<String, Object> delivery =
                row("SELECT * FROM delivery WHERE id = ?", answer.deliveryId()).orElseThrow();
        assertEquals(new String(example, StandardCharsets.UTF_8), storedBody(answer.deliveryId()));
        assertEquals("patient_report_sent", delivery.get("event_type"));
        assertEquals("PROCESSED", delivery.get("status"));
        assertEquals(Instant.ofEpochSecond(1_704_063_600L), delivery.get("occurred_on"));

        JsonObject content = Json.createReader(new ByteArrayInputStream(example))
                .readObject()
                .getJsonObject("payload")
                .getJsonObject("content");
        Map<String, Object> report = row("SELECT * FROM patient_report WHERE delivery_id = ?", answer.deliveryId())
                .orElseThrow();
        assertEquals("patient_code", report.get("patient_code"));
        assertEquals("soap", report.get("report_type"));
        assertEquals(content, storedContent(answer.deliveryId()));
    }

    @Test
    void sameBodyDeliveredTwiceIsStoredOnceAndAnsweredAsDuplicate() {
        byte[] body = soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8);

        Answer first = Receiver.deliver(body);
        Answer second = Receiver.deliver(body);

        assertEquals(202, first.status(), first::toString);
        assertEquals(200, second.status(), second::toString);
        assertEquals("duplicate", second.json().getString("status"));
        assertEquals(first.deliveryId(), second.deliveryId());
        assertEquals(1, count("SELECT COUNT(*) FROM delivery WHERE body_digest = ?", digest(body)));
        assertEquals(1, count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", first.deliveryId()));
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE delivery_id = ?", first.deliveryId()));
    }

    @Test
    void sameBodyDeliveredConcurrentlyIsStoredOnce() throws Exception {
        byte[] body = soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8);
        int copies = 8;
        ExecutorService senders = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < copies; i++) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return Receiver.deliver(body);
                }));
            }
            start.countDown();
            List<Answer> received = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                received.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertEquals(1, received.stream().filter(a -> a.status() == 202).count(), received::toString);
            assertEquals(
                    copies - 1, received.stream().filter(a -> a.status() == 200).count(), received::toString);
            assertEquals(1, received.stream().map(Answer::deliveryId).distinct().count(), received::toString);
            String delivery = received.get(0).deliveryId();
            assertEquals(1, count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", delivery));
            assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE delivery_id = ?", delivery));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void unknownEventTypeIsArchivedAsIgnored() {
        Answer answer = Receiver.deliver(
                Deliveries.event("patient_invited", Json.createObjectBuilder().add("invitation", "made-up"))
                        .toString());

        assertEquals(202, answer.status(), answer::toString);
        assertEquals("ignored", answer.json().getString("status"));
        assertEquals(
                "IGNORED",
                row("SELECT status FROM delivery WHERE id = ?", answer.deliveryId())
                        .orElseThrow()
                        .get("status"));
        assertEquals(0, count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", answer.deliveryId()));
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE delivery_id = ?", answer.deliveryId()));
    }

    @Test
    void unknownReportTypeKeepsItsContentAsJson() {
        JsonObject content = Json.createObjectBuilder()
                .add("medication", "made-up drug")
                .add("doses", 3)
                .build();
        Answer answer = Receiver.deliver(
                Deliveries.reportSent("prescription", Json.createObjectBuilder(content), newPatientCode())
                        .toString());

        assertEquals(202, answer.status(), answer::toString);
        Map<String, Object> report = row("SELECT * FROM patient_report WHERE delivery_id = ?", answer.deliveryId())
                .orElseThrow();
        assertEquals("prescription", report.get("report_type"));
        assertEquals(content, storedContent(answer.deliveryId()));
    }

    @Test
    void harmlessVariationsOfTheContractAreAccepted() {
        String patient = newPatientCode();
        String body = """
                {"payload": {"patient": {"code": "%s", "name": "extra key"}, "type": "soap",
                  "content": {"plan": "", "assessment": "Évaluation: 发烧, ябълка 🩺", "objective": "",
                              "subjective": "", "future_section": 1}, "future_field": true},
                 "occurred_on": 946684800, "type": "patient_report_sent", "version": 2}
                """.formatted(patient);

        Answer answer = Receiver.deliver(body);

        assertEquals(202, answer.status(), answer::toString);
        Map<String, Object> report = row("SELECT * FROM patient_report WHERE delivery_id = ?", answer.deliveryId())
                .orElseThrow();
        assertEquals(patient, report.get("patient_code"));
        JsonObject content = storedContent(answer.deliveryId());
        assertEquals("Évaluation: 发烧, ябълка 🩺", content.getString("assessment"));
        assertEquals("", content.getString("plan"));
    }

    @Test
    void eitherOfTwoConfiguredSecretsIsAccepted() {
        for (String secret : Receiver.SECRETS) {
            Answer answer = Receiver.post(
                    soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8),
                    "application/json",
                    secret);
            assertEquals(202, answer.status(), answer::toString);
        }
    }

    static Stream<Arguments> forgedSignatures() {
        return Stream.of(
                Arguments.of((String) null),
                Arguments.of(""),
                Arguments.of("not-the-secret"),
                Arguments.of(Receiver.CURRENT_SECRET + "x"),
                Arguments.of(Receiver.CURRENT_SECRET.toUpperCase()));
    }

    @ParameterizedTest
    @MethodSource("forgedSignatures")
    void forgedOrMissingSignatureLeavesNothingBehind(String signature) {
        assertRejectedLeavingNothingBehind(
                401,
                soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8),
                "application/json",
                signature);
    }

    @Test
    void forgedDeliveryThatIsAlsoInvalidLeavesNothingBehind() {
        JsonObject invalid = Deliveries.with(soapReport(newPatientCode()), "/payload/patient/code", null);
        assertRejectedLeavingNothingBehind(
                401, invalid.toString().getBytes(StandardCharsets.UTF_8), "application/json", "forged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": ", "not json at all", "", "{} {}", "{\"type\":\"a\",\"type\":\"b\"}"})
    void bodyThatIsNotOneJsonDocumentIsABadRequest(String body) {
        assertRejectedLeavingNothingBehind(
                400, body.getBytes(StandardCharsets.UTF_8), "application/json", Receiver.CURRENT_SECRET);
    }

    @Test
    void bodyThatIsNotUtf8IsABadRequest() {
        byte[] latin1 = soapReport("código-ñ").toString().getBytes(StandardCharsets.ISO_8859_1);
        assertRejectedLeavingNothingBehind(400, latin1, "application/json", Receiver.CURRENT_SECRET);
    }

    static Stream<Arguments> invalidEnvelopes() {
        JsonObject valid = soapReport(newPatientCode());
        return Stream.of(
                Arguments.of(Json.createArrayBuilder().add(1).build(), "(root)"),
                invalid(valid, "/type", null),
                invalid(valid, "/type", Json.createValue(7)),
                invalid(valid, "/occurred_on", Json.createValue("yesterday")),
                invalid(valid, "/occurred_on", Json.createValue(-1)),
                invalid(valid, "/payload", null),
                invalid(valid, "/payload", Json.createValue("text")),
                invalid(valid, "/payload/patient/code", null),
                invalid(valid, "/payload/patient/code", Json.createValue("")),
                invalid(valid, "/payload/type", JsonValue.NULL),
                invalid(valid, "/payload/content/plan", null),
                invalid(valid, "/payload/content/objective", Json.createValue(1)));
    }

    /** The valid event with the member at {@code pointer} replaced, or removed when {@code value} is null. */
    /** The delivery's body as stored (sealed in the database), read back through the operators' API. */
    private static String storedBody(String deliveryId) {
        Answer delivery = Receiver.get("api/deliveries/" + deliveryId, ApiUser.ADMIN);
        assertEquals(200, delivery.status(), delivery::toString);
        return delivery.json().getString("body");
    }

    /** The content of the delivery's report as stored, read back through the read API. */
    private static JsonObject storedContent(String deliveryId) {
        String reportId = (String) row("SELECT id FROM patient_report WHERE delivery_id = ?", deliveryId)
                .orElseThrow()
                .get("id");
        Answer report = Receiver.get("api/reports/" + reportId, ApiUser.READER);
        assertEquals(200, report.status(), report::toString);
        return report.json().getJsonObject("content");
    }

    private static Arguments invalid(JsonObject valid, String pointer, JsonValue value) {
        String field = pointer.substring(1).replace('/', '.');
        return Arguments.of(Deliveries.with(valid, pointer, value), field);
    }

    @ParameterizedTest
    @MethodSource("invalidEnvelopes")
    void invalidEnvelopeIsUnprocessableNamesTheFieldAndIsKeptOnceAsRejected(JsonValue body, String field) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        long reportsAndNotificationsBefore = reportsAndNotifications();

        Answer answer = assertProblem(422, bytes, "application/json", Receiver.CURRENT_SECRET);
        Answer again = Receiver.deliver(bytes);

        assertEquals(field, answer.json().getString("field"));
        assertTrue(answer.json().getString("detail").contains(field), answer::toString);
        assertEquals(answer.body(), again.body(), "the same problem for the same body");
        assertEquals(1, count("SELECT COUNT(*) FROM delivery WHERE body_digest = ?", digest(bytes)));
        Map<String, Object> kept = row("SELECT * FROM delivery WHERE body_digest = ?", digest(bytes))
                .orElseThrow();
        assertEquals("REJECTED", kept.get("status"));
        assertEquals(answer.json().getString("type"), kept.get("problem_type"));
        assertEquals(field, kept.get("problem_field"));
        assertEquals(answer.json().getString("detail"), kept.get("problem_detail"));
        assertTrue(((String) kept.get("body")).startsWith("it-1@"), "the body is sealed under the suite's key");
        assertEquals(body.toString(), storedBody((String) kept.get("id")));
        assertEquals(reportsAndNotificationsBefore, reportsAndNotifications(), "a rejected delivery fires nothing");
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        assertRejectedLeavingNothingBehind(
                415,
                soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8),
                "text/plain",
                Receiver.CURRENT_SECRET);
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        String huge = "x".repeat(262_145);
        JsonObject body = Deliveries.reportSent(
                "soap",
                Json.createObjectBuilder()
                        .add("subjective", huge)
                        .add("objective", "")
                        .add("assessment", "")
                        .add("plan", ""),
                newPatientCode());
        assertRejectedLeavingNothingBehind(
                413, body.toString().getBytes(StandardCharsets.UTF_8), "application/json", Receiver.CURRENT_SECRET);
    }

    private static void assertRejectedLeavingNothingBehind(
            int status, byte[] body, String contentType, String signature) {
        long rowsBefore = totalRows();

        assertProblem(status, body, contentType, signature);

        assertEquals(rowsBefore, totalRows(), "rows stored by a rejected delivery");
    }

    private static Answer assertProblem(int status, byte[] body, String contentType, String signature) {
        Answer answer = Receiver.post(body, contentType, signature);

        assertEquals(status, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(status, answer.json().getInt("status"));
        assertTrue(answer.json().getString("type").startsWith("urn:mediquo-webhooks:problem:"), answer::toString);
        assertFalse(answer.body().contains("Exception"), answer::toString);
        return answer;
    }

    private static long reportsAndNotifications() {
        return count("SELECT (SELECT COUNT(*) FROM patient_report) + (SELECT COUNT(*) FROM notification)");
    }
}
