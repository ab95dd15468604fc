package health.mediquo.webhooks.erasure;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.privacy.SuiteKey;
import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.FollowedJobs;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A privacy officer erases one patient: every delivery, report and notification of that patient goes, a rejected
 * delivery naming the patient included, and nothing of another patient; the erasure is in the audit trail; erasing
 * again finds nothing; and the patient's next delivery is taken in as any other.
 */
@ExtendWith(ArquillianExtension.class)
class PatientErasureIT {

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void everythingOfThePatientIsErasedAndNothingOfAnother() {
        String patient = newPatientCode();
        JsonObject first = soapReport(patient);
        List<String> deliveries = List.of(
                accepted(Receiver.deliver(first.toString())),
                accepted(Receiver.deliver(soapReport(patient).toString())));
        String another = accepted(Receiver.deliver(soapReport(newPatientCode()).toString()));
        JsonObject invalid = Deliveries.with(soapReport(patient), "/payload/content/plan", null);
        assertEquals(422, Receiver.deliver(invalid.toString()).status(), "kept as rejected");

        JsonObject erased = erase(patient);

        assertEquals(3, erased.getInt("deliveries"), erased::toString);
        assertEquals(2, erased.getInt("reports"), erased::toString);
        assertEquals(2, erased.getInt("notifications"), erased::toString);
        assertEquals(0, ReceiverDatabase.count("SELECT COUNT(*) FROM patient_report WHERE patient_code = ?", patient));
        for (String delivery : deliveries) {
            assertEquals(0, ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE id = ?", delivery));
            assertEquals(
                    0, ReceiverDatabase.count("SELECT COUNT(*) FROM notification WHERE delivery_id = ?", delivery));
        }
        assertEquals(0, ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE body_digest = ?", digest(invalid)));
        assertEquals(1, ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE id = ?", another));

        Answer trail = Receiver.get("api/audit?action=patient-erasure&patient=" + patient, ApiUser.PRIVACY);
        List<JsonObject> entries = trail.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, entries.size(), trail::toString);
        assertEquals("it-privacy", entries.get(0).getString("user"));
        assertTrue(
                entries.get(0).getString("detail").startsWith("deliveries 3, reports 2, notifications 2"),
                trail::toString);

        JsonObject again = erase(patient);
        assertEquals(
                0,
                again.getInt("deliveries") + again.getInt("reports") + again.getInt("notifications"),
                again::toString);

        assertEquals(202, Receiver.deliver(first.toString()).status(), "the same body again is a new delivery now");
        Answer reports = Receiver.get("api/patients/" + patient + "/reports", ApiUser.READER);
        assertEquals(1, reports.json().getJsonArray("items").size(), reports::toString);
    }

    /** A rejected delivery's sealed body copied into another row does not open there: listed, and left as it was. */
    @Test
    void aDeliveryThatDoesNotOpenIsListedAndLeftAsItWas() {
        JsonObject invalid = Deliveries.with(soapReport(newPatientCode()), "/payload/content/plan", null);
        assertEquals(422, Receiver.deliver(invalid.toString()).status(), "kept as rejected");
        String copy = UUID.randomUUID().toString();
        ReceiverDatabase.execute(
                "INSERT INTO delivery (id, body_digest, body, event_type, occurred_on, received_at, status)"
                        + " SELECT ?, ?, body, event_type, occurred_on, received_at, status FROM delivery"
                        + " WHERE body_digest = ?",
                copy,
                SuiteKey.digest(copy.getBytes(StandardCharsets.UTF_8)),
                digest(invalid));
        try {
            JsonObject job = FollowedJobs.succeeded(
                    Receiver.delete("api/patients/" + newPatientCode(), ApiUser.PRIVACY), ApiUser.PRIVACY);

            assertEquals(
                    List.of(Json.createObjectBuilder()
                            .add("table", "delivery")
                            .add("column", "body")
                            .add("id", copy)
                            .build()),
                    job.getJsonArray("unreadable"),
                    job::toString);
            assertEquals(1, job.getInt("unreadable_total"), job::toString);
            assertEquals(1, ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE id = ?", copy));
            assertTrue(job.getInt("rows_done") >= 2, "the rejected deliveries looked through: " + job);
        } finally {
            ReceiverDatabase.execute("DELETE FROM delivery WHERE id = ?", copy);
        }
    }

    @Test
    void onlyAPrivacyOfficerErases() {
        String patient = newPatientCode();
        accepted(Receiver.deliver(soapReport(patient).toString()));
        for (ApiUser user : List.of(ApiUser.READER, ApiUser.ADMIN)) {
            assertEquals(403, Receiver.delete("api/patients/" + patient, user).status(), user.name());
        }
        assertEquals(1, ReceiverDatabase.count("SELECT COUNT(*) FROM patient_report WHERE patient_code = ?", patient));
        assertEquals(
                403,
                Receiver.get("api/patients/" + patient + "/reports", ApiUser.PRIVACY)
                        .status());
    }

    private static JsonObject erase(String patient) {
        return FollowedJobs.succeeded(Receiver.delete("api/patients/" + patient, ApiUser.PRIVACY), ApiUser.PRIVACY)
                .getJsonObject("result");
    }

    private static String digest(JsonObject event) {
        return SuiteKey.digest(event.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String accepted(Answer answer) {
        assertEquals(202, answer.status(), answer::toString);
        return answer.deliveryId();
    }
}
