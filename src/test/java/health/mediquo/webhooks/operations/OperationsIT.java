package health.mediquo.webhooks.operations;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ServerLog;
import health.mediquo.webhooks.testing.ServerMetrics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator sees: health, metrics, the OpenAPI document, and logs free of clinical text. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    /** Every JAX-RS method of the WAR, once each: the document is written by hand, and nothing else is scanned in. */
    private static final Set<String> DOCUMENTED_OPERATIONS = Set.of(
            "POST /webhooks/mediquo",
            "GET /api/patients/{code}/reports",
            "GET /api/reports/{id}",
            "GET /api/deliveries",
            "GET /api/deliveries/{id}",
            "POST /api/deliveries/{id}/replay",
            "POST /api/deliveries/{id}/reprocess",
            "POST /api/encryption/re-encrypt",
            "GET /api/audit",
            "GET /api/audit/verify",
            "DELETE /api/patients/{code}",
            "GET /api/jobs/{id}");

    /** The fixed fields of an OpenAPI 3.0 document; anything else must be an {@code x-} extension. */
    private static final Set<String> OPENAPI_3_0_MEMBERS =
            Set.of("openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs");

    /** WildFly adds these of its own to every readiness answer; Payara adds none. */
    private static final Set<String> WILDFLY_SERVER_CHECKS =
            Set.of("server-state", "boot-errors", "deployments-status", "suspend-state");

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    /**
     * First, so that the probe is the first request the receiver gets after deployment: the checks run on a thread of
     * the server's health endpoint, and must not need a webhook request to have set up what they call.
     */
    @Test
    @Order(1)
    void readinessChecksDatabaseBrokerOutboxAndCountsRejectedDeliveries() {
        Answer ready = Receiver.getFromManagement("health/ready", "application/json");

        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        Set<String> applicationChecks = new HashSet<>(ready.healthChecks().keySet());
        applicationChecks.removeAll(WILDFLY_SERVER_CHECKS);
        assertEquals(Set.of("database", "jms-broker", "outbox-backlog", "rejected-deliveries"), applicationChecks);
        assertEquals(
                200,
                Receiver.getFromManagement("health/live", "application/json").status());
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachable() {
        AtomicReference<Answer> duringOutage = new AtomicReference<>();

        ReceiverDatabase.whileUnavailable(
                () -> duringOutage.set(Receiver.getFromManagement("health/ready", "application/json")));

        Answer ready = duringOutage.get();
        assertEquals(503, ready.status(), ready::toString);
        assertEquals("DOWN", ready.json().getString("status"));
        assertEquals("DOWN", ready.healthChecks().get("database").getString("status"));
        Answer recovered = Eventually.poll(
                () -> Receiver.getFromManagement("health/ready", "application/json"),
                answer -> answer.status() == 200,
                Duration.ofSeconds(30));
        assertEquals(200, recovered.status(), recovered::toString);
    }

    @Test
    void metricsCountDeliveriesByTypeAndOutcome() {
        String accepted = "mediquo_deliveries_total{outcome=\"accepted\",type=\"patient_report_sent\"}";
        String duplicate = "mediquo_deliveries_total{outcome=\"duplicate\",type=\"patient_report_sent\"}";
        String forged = "mediquo_deliveries_rejected_total{reason=\"invalid-signature\"}";
        String timed = "mediquo_delivery_processing_seconds_count";
        Map<String, Double> before = ServerMetrics.application();
        byte[] body = soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8);

        Receiver.deliver(body);
        Receiver.deliver(body);
        Receiver.post(body, "application/json", "forged");

        Map<String, Double> after = ServerMetrics.application();
        assertEquals(before.getOrDefault(accepted, 0.0) + 1, after.get(accepted));
        assertEquals(before.getOrDefault(duplicate, 0.0) + 1, after.get(duplicate));
        assertEquals(before.getOrDefault(forged, 0.0) + 1, after.get(forged));
        assertEquals(before.getOrDefault(timed, 0.0) + 2, after.get(timed), "both acknowledged deliveries timed");
        assertTrue(after.containsKey("mediquo_outbox_backlog"), after::toString);
        String published = "mediquo_notifications_total{result=\"published\"}";
        double publishedAfter = Eventually.poll(
                () -> ServerMetrics.application().getOrDefault(published, 0.0),
                count -> count > before.getOrDefault(published, 0.0),
                Duration.ofSeconds(20));
        assertTrue(publishedAfter > before.getOrDefault(published, 0.0));
    }

    @Test
    void openApiDescribesTheWebhookWithTheDocumentationExampleAndTheReadApi() {
        JsonObject openApi =
                Receiver.getFromServer("openapi", "application/json").json();

        JsonObject webhook = openApi.getJsonObject("paths")
                .getJsonObject("/webhooks/mediquo")
                .getJsonObject("post");
        assertEquals(
                Set.of("200", "202", "400", "401", "413", "415", "422", "503"),
                webhook.getJsonObject("responses").keySet());
        JsonObject example = openApi.getJsonObject("components")
                .getJsonObject("examples")
                .getJsonObject("patient_report_sent")
                .getJsonObject("value");
        assertEquals(
                Json.createReader(new ByteArrayInputStream(Deliveries.documentationExample()))
                        .readObject(),
                example);
        assertEquals(
                "#/components/examples/patient_report_sent",
                webhook.getJsonObject("requestBody")
                        .getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("examples")
                        .getJsonObject("patient_report_sent")
                        .getString("$ref"));
        assertEquals(DOCUMENTED_OPERATIONS, operationsOf(openApi));
        for (JsonObject operation : operationObjectsOf(openApi)) {
            assertTrue(operation.containsKey("summary") && operation.containsKey("operationId"), operation::toString);
        }
    }

    @Test
    void openApiDocumentHoldsOnlyWhatOpenApi3Allows() {
        JsonObject openApi =
                Receiver.getFromServer("openapi", "application/json").json();

        Set<String> nonStandard = openApi.keySet().stream()
                .filter(member -> !OPENAPI_3_0_MEMBERS.contains(member) && !member.startsWith("x-"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), nonStandard);
    }

    private static Set<String> operationsOf(JsonObject openApi) {
        JsonObject paths = openApi.getJsonObject("paths");
        return paths.keySet().stream()
                .flatMap(path -> paths.getJsonObject(path).keySet().stream()
                        .map(method -> method.toUpperCase(Locale.ROOT) + " " + path))
                .collect(Collectors.toSet());
    }

    private static List<JsonObject> operationObjectsOf(JsonObject openApi) {
        JsonObject paths = openApi.getJsonObject("paths");
        return paths.values().stream()
                .flatMap(path -> path.asJsonObject().values().stream().map(JsonValue::asJsonObject))
                .toList();
    }

    @Test
    void noClinicalTextNorPatientCodeReachesTheServerLog() {
        String patient = newPatientCode();
        JsonObject event = soapReport(patient);
        String id = Receiver.deliver(event.toString()).deliveryId();
        Receiver.get("api/deliveries/" + id, ApiUser.ADMIN);
        String reportId = Receiver.get("api/patients/" + patient + "/reports", ApiUser.READER)
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
        Receiver.get("api/reports/" + reportId, ApiUser.READER);
        Eventually.poll(() -> ServerLog.linesContaining(reportId), n -> n > 0, Duration.ofSeconds(10));

        assertEquals(0, ServerLog.linesContaining(patient));
        JsonObject content = event.getJsonObject("payload").getJsonObject("content");
        for (String section : content.keySet()) {
            assertEquals(0, ServerLog.linesContaining(content.getString(section)), section);
        }
    }
}
