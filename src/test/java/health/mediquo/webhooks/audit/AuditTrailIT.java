package health.mediquo.webhooks.audit;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads and actions land in the audit trail, which only a privacy officer may read, filtered by user, action or
 * patient; an entry deleted or altered through plain JDBC is named by the verification. Each test that breaks the
 * trail mends it before it ends.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    /** One append per answer: the entries of a page share its moment and follow each other in the chain. */
    @Test
    void aPageOfReportsIsRecordedInOneAppendAndAnEmptyPageRecordsNothing() {
        String patient = newPatientCode();
        for (int i = 0; i < 3; i++) {
            accepted(Receiver.deliver(soapReport(patient).toString()));
        }
        assertEquals(
                200,
                Receiver.get("api/patients/" + patient + "/reports", ApiUser.READER)
                        .status());
        long before = ReceiverDatabase.count("SELECT COUNT(*) FROM audit_entry");
        assertEquals(
                200,
                Receiver.get("api/patients/" + newPatientCode() + "/reports", ApiUser.READER)
                        .status());

        List<JsonObject> entries = entries("api/audit?patient=" + patient);

        assertEquals(3, entries.size(), entries::toString);
        assertEquals(
                1,
                entries.stream().map(e -> e.getString("recorded_at")).distinct().count(),
                entries::toString);
        List<Long> seqs = entries.stream()
                .map(e -> e.getJsonNumber("seq").longValue())
                .sorted()
                .toList();
        assertEquals(List.of(seqs.get(0), seqs.get(0) + 1, seqs.get(0) + 2), seqs, entries::toString);
        assertEquals(
                before, ReceiverDatabase.count("SELECT COUNT(*) FROM audit_entry"), "an empty page records nothing");
    }

    @Test
    void everyReadOfAReportIsRecordedAndFoundByItsPatientWhoseCodeIsNeverStored() {
        String patient = newPatientCode();
        String report = reportOf(accepted(Receiver.deliver(soapReport(patient).toString())));
        assertEquals(
                200,
                Receiver.get("api/patients/" + patient + "/reports", ApiUser.READER)
                        .status());
        assertEquals(200, Receiver.get("api/reports/" + report, ApiUser.READER).status());

        List<JsonObject> entries = entries("api/audit?patient=" + patient);

        assertEquals(
                List.of("view=content", "view=summary"),
                entries.stream().map(e -> e.getString("detail")).toList());
        for (JsonObject entry : entries) {
            assertEquals("report-read", entry.getString("action"), entry::toString);
            assertEquals("it-reader", entry.getString("user"), entry::toString);
            assertEquals(report, entry.getString("subject"), entry::toString);
        }
        assertEquals(
                0,
                ReceiverDatabase.count(
                        "SELECT COUNT(*) FROM audit_entry WHERE patient_digest = ? OR subject = ? OR detail LIKE ?",
                        patient,
                        patient,
                        "%" + patient + "%"),
                "the patient code itself is nowhere in the trail");
        assertEquals(List.of(), entries("api/audit?patient=" + newPatientCode()), "another patient has no entry");
    }

    @Test
    void anOperatorsReplayIsRecordedWithItsOutcome() {
        String delivery = accepted(Receiver.deliver(soapReport(newPatientCode()).toString()));
        assertEquals(
                202,
                Receiver.post("api/deliveries/" + delivery + "/replay", ApiUser.ADMIN)
                        .status());

        List<JsonObject> replays = entries("api/audit?user=it-admin&action=delivery-replay").stream()
                .filter(entry -> entry.getString("subject").equals(delivery))
                .toList();

        assertEquals(1, replays.size(), replays::toString);
        assertEquals("outcome=replayed", replays.get(0).getString("detail"));
    }

    @Test
    void theSuitesUsersWereGrantedTheirAccessWhenTheReceiverFirstStarted() {
        List<JsonObject> granted = entries("api/audit?user=configuration&action=access-granted&limit=200");

        assertTrue(
                granted.stream()
                        .anyMatch(entry -> entry.getString("subject").equals("it-privacy")
                                && entry.getString("detail").equals("roles=privacy-officer")),
                granted::toString);
    }

    @Test
    void onlyAPrivacyOfficerReadsOrVerifiesTheTrail() {
        for (ApiUser user : List.of(ApiUser.READER, ApiUser.ADMIN)) {
            assertEquals(403, Receiver.get("api/audit", user).status(), user.name());
            assertEquals(403, Receiver.get("api/audit/verify", user).status(), user.name());
        }
    }

    @Test
    void anEntryAlteredOrDeletedWithPlainJdbcIsNamedByTheVerification() {
        String patient = newPatientCode();
        String report = reportOf(accepted(Receiver.deliver(soapReport(patient).toString())));
        assertEquals(200, Receiver.get("api/reports/" + report, ApiUser.READER).status());
        long seq = entries("api/audit?patient=" + patient)
                .get(0)
                .getJsonNumber("seq")
                .longValue();
        assertTrue(verify().getBoolean("intact"), () -> verify().toString());

        ReceiverDatabase.execute("UPDATE audit_entry SET user_name = 'someone-else' WHERE seq = ?", seq);
        JsonObject altered = verify();
        ReceiverDatabase.execute("UPDATE audit_entry SET user_name = 'it-reader' WHERE seq = ?", seq);
        assertFalse(altered.getBoolean("intact"), altered::toString);
        assertEquals(seq, altered.getJsonNumber("first_broken").longValue(), altered::toString);
        assertTrue(altered.getString("problem").contains("altered"), altered::toString);

        ReceiverDatabase.execute("CREATE TABLE audit_entry_kept AS SELECT * FROM audit_entry WHERE seq = " + seq);
        ReceiverDatabase.execute("DELETE FROM audit_entry WHERE seq = ?", seq);
        JsonObject deleted = verify();
        ReceiverDatabase.execute("INSERT INTO audit_entry SELECT * FROM audit_entry_kept");
        ReceiverDatabase.execute("DROP TABLE audit_entry_kept");
        assertFalse(deleted.getBoolean("intact"), deleted::toString);
        assertEquals(seq, deleted.getJsonNumber("first_broken").longValue(), deleted::toString);
        assertTrue(deleted.getString("problem").contains("missing"), deleted::toString);

        assertTrue(verify().getBoolean("intact"), () -> "mended: " + verify());
    }

    private static List<JsonObject> entries(String path) {
        Answer answer = Receiver.get(path, ApiUser.PRIVACY);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static JsonObject verify() {
        Answer answer = Receiver.get("api/audit/verify", ApiUser.PRIVACY);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json();
    }

    private static String accepted(Answer answer) {
        assertEquals(202, answer.status(), answer::toString);
        return answer.deliveryId();
    }

    private static String reportOf(String deliveryId) {
        return ReceiverDatabase.strings("SELECT id FROM patient_report WHERE delivery_id = ?", deliveryId)
                .get(0);
    }
}
