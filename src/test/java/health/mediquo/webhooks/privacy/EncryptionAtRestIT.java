package health.mediquo.webhooks.privacy;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.FollowedJobs;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ServerLog;
import health.mediquo.webhooks.testing.TestSecrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clinical text is sealed in the database, bodies are digested with a key, keys rotate without downtime, and the
 * receiver refuses to start with a wrong or missing key. The suite's own keys are {@code it-1} (data) and
 * {@code it-d1} (digests); this test rotates to {@code it-2} and {@code it-d2} and back, so that the database ends as
 * it began: sealed under {@code it-1} and digested under {@code it-d1} alone.
 */
@ExtendWith(ArquillianExtension.class)
class EncryptionAtRestIT {

    private static final String SUITE_KEY = "suite-key";
    private static final String ROTATED = "rotated";
    private static final String WRONG_KEY = "wrong-key";
    private static final String WRONG_DIGEST_KEY = "wrong-digest-key";
    private static final String MISSING_KEY = "missing-key";
    private static final String ROTATED_BACK = "rotated-back";

    @ArquillianResource
    Deployer server;

    @Deployment(name = SUITE_KEY, managed = false, testable = false)
    static WebArchive suiteKey() {
        return ReceiverDeployment.packagedWar();
    }

    @Deployment(name = ROTATED, managed = false, testable = false)
    static WebArchive rotated() {
        return ReceiverDeployment.packagedWarConfiguredWith(
                ROTATED,
                Map.of(
                        "mediquo.encryption.keys",
                        "it-2,it-1",
                        "mediquo.encryption.key.it-2",
                        TestSecrets.DATA_KEY_2,
                        "mediquo.digest.keys",
                        "it-d2,it-d1",
                        "mediquo.digest.key.it-d2",
                        TestSecrets.DIGEST_KEY_2));
    }

    @Deployment(name = WRONG_KEY, managed = false, testable = false)
    static WebArchive wrongKey() {
        return ReceiverDeployment.packagedWarConfiguredWith(
                WRONG_KEY,
                Map.of(
                        "mediquo.encryption.keys",
                        "it-2,it-1",
                        "mediquo.encryption.key.it-2",
                        TestSecrets.OTHER_DATA_KEY_2));
    }

    @Deployment(name = WRONG_DIGEST_KEY, managed = false, testable = false)
    static WebArchive wrongDigestKey() {
        return ReceiverDeployment.packagedWarConfiguredWith(
                WRONG_DIGEST_KEY,
                Map.of(
                        "mediquo.encryption.keys",
                        "it-2",
                        "mediquo.encryption.key.it-2",
                        TestSecrets.DATA_KEY_2,
                        "mediquo.digest.keys",
                        "it-d2",
                        "mediquo.digest.key.it-d2",
                        TestSecrets.OTHER_DIGEST_KEY_2));
    }

    @Deployment(name = MISSING_KEY, managed = false, testable = false)
    static WebArchive missingKey() {
        return ReceiverDeployment.packagedWarConfiguredWith(MISSING_KEY, Map.of("mediquo.encryption.keys", "it-1"));
    }

    @Deployment(name = ROTATED_BACK, managed = false, testable = false)
    static WebArchive rotatedBack() {
        return ReceiverDeployment.packagedWarConfiguredWith(
                ROTATED_BACK,
                Map.of(
                        "mediquo.encryption.keys",
                        "it-1,it-2",
                        "mediquo.encryption.key.it-2",
                        TestSecrets.DATA_KEY_2,
                        "mediquo.digest.keys",
                        "it-d1,it-d2",
                        "mediquo.digest.key.it-d2",
                        TestSecrets.DIGEST_KEY_2));
    }

    @Test
    void clinicalTextIsSealedAndKeysRotateWithoutLosingARow() {
        JsonObject first = soapReport(newPatientCode());
        JsonObject second = soapReport(newPatientCode());
        JsonObject sealedBeforeBinding = soapReport(newPatientCode());
        List<String> suiteKeyRows = whileDeployed(SUITE_KEY, () -> {
            String delivery = accepted(Receiver.deliver(first.toString()));
            assertSealedUnder("it-1", delivery, first);
            assertDigestedUnder("it-d1", delivery, first);
            // While the receiver runs: H2's automatic server, which the test connects through, runs with it.
            return List.of(
                    reportOf(delivery),
                    SuiteKey.plantedAsBeforeBinding(sealedBeforeBinding.toString(), System.getProperty("it.data.key")));
        });
        String firstReport = suiteKeyRows.get(0);
        String unbound = suiteKeyRows.get(1);

        String secondReport = whileDeployed(ROTATED, () -> {
            assertEquals(contentOf(first), readContent(firstReport), "a row sealed with the old key still opens");
            assertEquals(200, Receiver.deliver(first.toString()).status(), "duplicates are found across keys");
            assertEquals(sealedBeforeBinding.toString(), readBody(unbound), "a value sealed before binding opens");
            String delivery = accepted(Receiver.deliver(second.toString()));
            assertSealedUnder("it-2", delivery, second);
            assertDigestedUnder("it-d2", delivery, second);

            JsonObject reEncrypted = reEncrypt();
            assertEquals(
                    List.of("it-1"), reEncrypted.getJsonArray("retired_keys").getValuesAs(JsonString::getString));
            assertTrue(reEncrypted.getJsonObject("resealed_rows").getInt("patient_report") >= 1, reEncrypted::toString);
            assertEquals(0, rowsNotSealedUnder("it-2"), "rows left under an older key");
            assertEquals(contentOf(first), readContent(firstReport), "a resealed row opens");
            assertEquals(
                    List.of("it-d1"),
                    reEncrypted.getJsonArray("retired_digest_keys").getValuesAs(JsonString::getString));
            assertTrue(reEncrypted.getInt("redigested_rows") >= 1, reEncrypted::toString);
            assertEquals(0, rowsNotDigestedUnder("it-d2"), "bodies left digested under an older key");
            assertEquals(200, Receiver.deliver(first.toString()).status(), "a body digested again is still found");
            assertEquals(sealedBeforeBinding.toString(), readBody(unbound), "resealed, and bound to its row");
            return reportOf(delivery);
        });

        refusesToStart(WRONG_KEY, "mediquo.encryption.key.it-2 is not the key 'it-2'");
        refusesToStart(WRONG_DIGEST_KEY, "mediquo.digest.key.it-d2 is not the key 'it-d2'");
        refusesToStart(MISSING_KEY, "key 'it-2', which is not configured");

        whileDeployed(ROTATED_BACK, () -> {
            JsonObject reEncrypted = reEncrypt();
            assertEquals(
                    List.of("it-2"), reEncrypted.getJsonArray("retired_keys").getValuesAs(JsonString::getString));
            assertEquals(
                    List.of("it-d2"),
                    reEncrypted.getJsonArray("retired_digest_keys").getValuesAs(JsonString::getString));
            assertEquals(0, rowsNotSealedUnder("it-1"), "rows left under an older key");
            assertEquals(0, rowsNotDigestedUnder("it-d1"), "bodies left digested under an older key");
            assertEquals(contentOf(second), readContent(secondReport));
            assertEquals(200, Receiver.deliver(second.toString()).status(), "duplicates are found after the rotation");
            return null;
        });
    }

    private <T> T whileDeployed(String deployment, Supplier<T> work) {
        server.deploy(deployment);
        try {
            return work.get();
        } finally {
            server.undeploy(deployment);
        }
    }

    /** The server comes up, but the receiver is not deployed on it, and its log says why. */
    private void refusesToStart(String deployment, String reason) {
        long before = ServerLog.linesContaining(reason);
        server.deploy(deployment);
        try {
            Answer answer = Receiver.deliver(soapReport(newPatientCode()).toString());
            assertEquals(404, answer.status(), () -> "the receiver runs despite: " + reason + "; " + answer);
        } finally {
            server.undeploy(deployment);
        }
        assertTrue(ServerLog.linesContaining(reason) > before, "the log says why: " + reason);
    }

    private static String accepted(Answer answer) {
        assertEquals(202, answer.status(), answer::toString);
        return answer.deliveryId();
    }

    private static String reportOf(String deliveryId) {
        return (String) ReceiverDatabase.row("SELECT id FROM patient_report WHERE delivery_id = ?", deliveryId)
                .orElseThrow()
                .get("id");
    }

    private static JsonObject contentOf(JsonObject event) {
        return event.getJsonObject("payload").getJsonObject("content");
    }

    private static JsonObject readContent(String reportId) {
        Answer read = Receiver.get("api/reports/" + reportId, ApiUser.READER);
        assertEquals(200, read.status(), read::toString);
        return read.json().getJsonObject("content");
    }

    private static String readBody(String deliveryId) {
        Answer read = Receiver.get("api/deliveries/" + deliveryId, ApiUser.ADMIN);
        assertEquals(200, read.status(), read::toString);
        return read.json().getString("body");
    }

    private static JsonObject reEncrypt() {
        return FollowedJobs.succeeded(Receiver.post("api/encryption/re-encrypt", ApiUser.ADMIN), ApiUser.ADMIN)
                .getJsonObject("result");
    }

    /** Read with plain JDBC, as anyone with access to the database or a backup would. */
    private static void assertSealedUnder(String keyId, String deliveryId, JsonObject event) {
        Map<String, Object> delivery = ReceiverDatabase.row("SELECT * FROM delivery WHERE id = ?", deliveryId)
                .orElseThrow();
        Map<String, Object> report = ReceiverDatabase.row(
                        "SELECT * FROM patient_report WHERE delivery_id = ?", deliveryId)
                .orElseThrow();
        Map<String, Object> notification = ReceiverDatabase.row(
                        "SELECT * FROM notification WHERE delivery_id = ?", deliveryId)
                .orElseThrow();
        JsonObject content = contentOf(event);
        assertAll(
                () -> assertTrue(((String) delivery.get("body")).startsWith(keyId + "@")),
                () -> assertTrue(((String) report.get("subjective")).startsWith(keyId + "@")),
                () -> assertTrue(((String) report.get("plan")).startsWith(keyId + "@")));
        for (String section : List.of("subjective", "objective", "assessment", "plan")) {
            String clinicalText = content.getString(section);
            for (Map<String, Object> row : List.of(delivery, report, notification)) {
                assertFalse(
                        row.values().stream()
                                .anyMatch(value -> String.valueOf(value).contains(clinicalText)),
                        "a " + section + " in clear in the database");
            }
        }
    }

    /** The delivery's digest is the keyed one, never the plain SHA-256 that would confirm a guessed body. */
    private static void assertDigestedUnder(String keyId, String deliveryId, JsonObject event) {
        String stored = (String) ReceiverDatabase.row("SELECT body_digest FROM delivery WHERE id = ?", deliveryId)
                .orElseThrow()
                .get("body_digest");
        assertTrue(stored.startsWith(keyId + ":"), stored);
        if (keyId.equals("it-d1")) {
            assertEquals(SuiteKey.digest(event.toString().getBytes(StandardCharsets.UTF_8)), stored);
        }
    }

    private static long rowsNotDigestedUnder(String keyId) {
        return ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE body_digest NOT LIKE ?", keyId + ":%");
    }

    private static long rowsNotSealedUnder(String keyId) {
        String pattern = keyId + "@%";
        return ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE body NOT LIKE ?", pattern)
                + ReceiverDatabase.count(
                        "SELECT COUNT(*) FROM patient_report WHERE subjective NOT LIKE ? OR plan NOT LIKE ?"
                                + " OR content_json NOT LIKE ?",
                        pattern,
                        pattern,
                        pattern);
    }
}
