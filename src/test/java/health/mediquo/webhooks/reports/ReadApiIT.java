package health.mediquo.webhooks.reports;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ReportQueue;
import health.mediquo.webhooks.testing.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
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

/** The read API: reports for readers, deliveries and replay for admins, and nothing for anyone else. */
@ExtendWith(ArquillianExtension.class)
class ReadApiIT {

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void reportsOfAPatientComeNewestFirstPageByPage() {
        String patient = newPatientCode();
        List<JsonObject> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(soapReport(patient));
            assertEquals(202, Receiver.deliver(events.get(i).toString()).status());
        }

        List<JsonObject> listed = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Answer page = Receiver.get("api/patients/" + patient + "/reports?limit=2&cursor=" + cursor, ApiUser.READER);
            assertEquals(200, page.status(), page::toString);
            page.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(listed::add);
            cursor = page.json().getString("next_cursor", null);
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        List<Instant> expected = events.stream()
                .map(event ->
                        Instant.ofEpochSecond(event.getJsonNumber("occurred_on").longValue()))
                .sorted(Comparator.reverseOrder())
                .toList();
        assertEquals(expected, listed.stream().map(ReadApiIT::occurredOn).toList());
        assertEquals(
                5, listed.stream().map(item -> item.getString("id")).distinct().count());
        listed.forEach(item -> assertFalse(item.containsKey("content"), "a list shows no clinical content"));
    }

    @Test
    void reportsAreFilteredByTimeAndType() {
        String patient = newPatientCode();
        JsonObject first = soapReport(patient);
        JsonObject second =
                Deliveries.reportSent("prescription", Json.createObjectBuilder().add("medication", "made-up"), patient);
        JsonObject third = soapReport(patient);
        Stream.of(first, second, third).forEach(event -> Receiver.deliver(event.toString()));
        String base = "api/patients/" + patient + "/reports";

        assertEquals(
                List.of(occurredOn(third), occurredOn(second)), occurredOns(base + "?since=" + occurredOn(second)));
        assertEquals(List.of(occurredOn(first)), occurredOns(base + "?until=" + occurredOn(second)));
        assertEquals(List.of(occurredOn(second)), occurredOns(base + "?type=prescription"));
    }

    @Test
    void aReportReadShowsItsContentAndIsAudited() {
        JsonObject event = soapReport(newPatientCode());
        Answer delivered = Receiver.deliver(event.toString());
        String reportId = idOfReportFor(event);

        Answer read = Receiver.get("api/reports/" + reportId, ApiUser.READER);

        assertEquals(200, read.status(), read::toString);
        assertEquals(
                event.getJsonObject("payload").getJsonObject("content"),
                read.json().getJsonObject("content"));
        assertEquals(delivered.deliveryId(), read.json().getJsonObject("report").getString("delivery_id"));
        String audit = "AUDIT report-read user=" + ApiUser.READER.name() + " report=" + reportId;
        assertEquals(1, audited(audit + " view=summary"), "the list that showed the report");
        assertEquals(1, audited(audit + " view=content"), "the read of the whole report");
    }

    @Test
    void deliveriesAreListedByStatusAndShowTheirRawBodyToAdmins() {
        String body = Deliveries.event(
                        "patient_invited", Json.createObjectBuilder().add("made", "up"))
                .toString();
        String id = Receiver.deliver(body).deliveryId();

        Answer ignored = Receiver.get("api/deliveries?status=ignored&type=patient_invited&limit=200", ApiUser.ADMIN);
        Answer details = Receiver.get("api/deliveries/" + id, ApiUser.ADMIN);

        assertEquals(200, ignored.status(), ignored::toString);
        List<JsonObject> items = ignored.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(items.stream().anyMatch(item -> item.getString("id").equals(id)), ignored::toString);
        items.forEach(item -> assertEquals("ignored", item.getString("status")));
        assertEquals(200, details.status(), details::toString);
        assertEquals(body, details.json().getString("body"));
        assertEquals("ignored", details.json().getJsonObject("delivery").getString("status"));
    }

    @Test
    void replayPublishesTheNotificationAgain() {
        String id = Receiver.deliver(soapReport(newPatientCode()).toString()).deliveryId();
        assertEquals(1, ReportQueue.noticesAbout(id, Duration.ofSeconds(20)).size());

        Answer replay = Receiver.post("api/deliveries/" + id + "/replay", ApiUser.ADMIN);

        assertEquals(202, replay.status(), replay::toString);
        assertEquals(1, ReportQueue.noticesAbout(id, Duration.ofSeconds(20)).size(), "the replayed message");
        assertEquals(
                1,
                audited("AUDIT delivery-replay user=" + ApiUser.ADMIN.name() + " delivery=" + id
                        + " outcome=replayed"));
    }

    @Test
    void replayOfADeliveryWithoutNotificationIsAConflict() {
        String body =
                Deliveries.event("patient_invited", Json.createObjectBuilder()).toString();
        String id = Receiver.deliver(body).deliveryId();

        assertProblem(409, Receiver.post("api/deliveries/" + id + "/replay", ApiUser.ADMIN));
    }

    static Stream<Arguments> protectedResources() {
        String anyId = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("GET", "api/patients/p/reports"),
                Arguments.of("GET", "api/reports/" + anyId),
                Arguments.of("GET", "api/deliveries"),
                Arguments.of("GET", "api/deliveries/" + anyId),
                Arguments.of("POST", "api/deliveries/" + anyId + "/replay"),
                Arguments.of("POST", "api/deliveries/" + anyId + "/reprocess"));
    }

    @ParameterizedTest
    @MethodSource("protectedResources")
    void withoutValidCredentialsEveryApiResourceIsUnauthorized(String method, String path) {
        for (ApiUser user : new ApiUser[] {null, new ApiUser(ApiUser.ADMIN.name(), "wrong-password")}) {
            Answer answer = call(method, path, user);
            assertProblem(401, answer);
            assertTrue(answer.authenticate().startsWith("Basic"), answer::toString);
        }
    }

    @Test
    void eachRoleReachesOnlyItsOwnResources() {
        assertProblem(403, Receiver.get("api/deliveries", ApiUser.READER));
        assertProblem(403, Receiver.post("api/deliveries/" + UUID.randomUUID() + "/replay", ApiUser.READER));
        assertProblem(403, Receiver.get("api/patients/p/reports", ApiUser.ADMIN));
        assertProblem(403, Receiver.get("api/reports/" + UUID.randomUUID(), ApiUser.ADMIN));
    }

    @Test
    void unknownReportsAndDeliveriesAreNotFound() {
        assertProblem(404, Receiver.get("api/reports/" + UUID.randomUUID(), ApiUser.READER));
        assertProblem(404, Receiver.get("api/deliveries/" + UUID.randomUUID(), ApiUser.ADMIN));
        assertProblem(404, Receiver.get("api/deliveries/not-a-delivery-id", ApiUser.ADMIN));
        assertProblem(404, Receiver.post("api/deliveries/" + UUID.randomUUID() + "/replay", ApiUser.ADMIN));
        assertProblem(404, Receiver.post("api/deliveries/" + UUID.randomUUID() + "/reprocess", ApiUser.ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?limit=0", "?limit=201", "?cursor=not-a-cursor", "?since=yesterday", "?until=2024-13-01"})
    void malformedQueryParametersAreBadRequests(String query) {
        assertProblem(400, Receiver.get("api/patients/p/reports" + query, ApiUser.READER));
    }

    private static long audited(String line) {
        return Eventually.poll(() -> ServerLog.linesContaining(line), n -> n > 0, Duration.ofSeconds(10));
    }

    private static String idOfReportFor(JsonObject event) {
        String patient = event.getJsonObject("payload").getJsonObject("patient").getString("code");
        Answer reports = Receiver.get("api/patients/" + patient + "/reports", ApiUser.READER);
        return reports.json().getJsonArray("items").getJsonObject(0).getString("id");
    }

    private static List<Instant> occurredOns(String path) {
        Answer page = Receiver.get(path, ApiUser.READER);
        assertEquals(200, page.status(), page::toString);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(ReadApiIT::occurredOn)
                .toList();
    }

    /** The occurred_on of an event (UNIX seconds) or of a listed report (ISO-8601). */
    private static Instant occurredOn(JsonObject item) {
        JsonValue value = item.get("occurred_on");
        return value.getValueType() == JsonValue.ValueType.NUMBER
                ? Instant.ofEpochSecond(item.getJsonNumber("occurred_on").longValue())
                : Instant.parse(item.getString("occurred_on"));
    }

    private static Answer call(String method, String path, ApiUser user) {
        return method.equals("GET") ? Receiver.get(path, user) : Receiver.post(path, user);
    }

    private static void assertProblem(int status, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.contentType(), answer::toString);
        assertEquals(status, answer.json().getInt("status"));
    }
}
