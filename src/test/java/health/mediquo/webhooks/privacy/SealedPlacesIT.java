package health.mediquo.webhooks.privacy;

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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sealed value is bound to its table, column and row. Copied elsewhere with plain JDBC, as anyone with write access
 * to the database could, it does not open there: the API answers a problem naming the value's place, never a wrong
 * report and never what the value holds. Each test puts the row back as it was.
 */
@ExtendWith(ArquillianExtension.class)
class SealedPlacesIT {

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void aBodyCopiedIntoAnotherDeliveryDoesNotOpenThere() {
        JsonObject copied = soapReport(newPatientCode());
        String source = accepted(Receiver.deliver(copied.toString()));
        String target = accepted(Receiver.deliver(soapReport(newPatientCode()).toString()));
        String targetBody = stored("delivery", "body", target);

        ReceiverDatabase.execute(
                "UPDATE delivery SET body = (SELECT body FROM delivery WHERE id = ?) WHERE id = ?", source, target);
        try {
            Answer read = Receiver.get("api/deliveries/" + target, ApiUser.ADMIN);
            assertRefusedNaming("delivery.body of row " + target, read);
            assertFalse(read.body().contains(copied.getJsonObject("payload").getString("type")), read::toString);
            assertFalse(read.body().contains(sectionOf(copied, "subjective")), read::toString);
        } finally {
            ReceiverDatabase.execute("UPDATE delivery SET body = ? WHERE id = ?", targetBody, target);
        }
        assertEquals(
                200, Receiver.get("api/deliveries/" + target, ApiUser.ADMIN).status(), "put back, it opens");
    }

    @Test
    void aSectionMovedToAnotherColumnOfItsReportDoesNotOpenThere() {
        JsonObject event = soapReport(newPatientCode());
        String delivery = accepted(Receiver.deliver(event.toString()));
        String report = ReceiverDatabase.strings("SELECT id FROM patient_report WHERE delivery_id = ?", delivery)
                .get(0);
        String plan = stored("patient_report", "plan", report);

        ReceiverDatabase.execute("UPDATE patient_report SET plan = subjective WHERE id = ?", report);
        try {
            Answer read = Receiver.get("api/reports/" + report, ApiUser.READER);
            assertRefusedNaming("patient_report.plan of row " + report, read);
            assertFalse(read.body().contains(sectionOf(event, "subjective")), read::toString);
        } finally {
            ReceiverDatabase.execute("UPDATE patient_report SET plan = ? WHERE id = ?", plan, report);
        }
        Answer read = Receiver.get("api/reports/" + report, ApiUser.READER);
        assertEquals(
                sectionOf(event, "plan"), read.json().getJsonObject("content").getString("plan"), read::toString);
    }

    private static void assertRefusedNaming(String place, Answer answer) {
        assertEquals(500, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.contentType(), answer::toString);
        assertTrue(answer.json().getString("type").endsWith(":unreadable-value"), answer::toString);
        assertTrue(answer.json().getString("detail").contains(place), answer::toString);
    }

    private static String accepted(Answer answer) {
        assertEquals(202, answer.status(), answer::toString);
        return answer.deliveryId();
    }

    private static String stored(String table, String column, String id) {
        return ReceiverDatabase.strings("SELECT " + column + " FROM " + table + " WHERE id = ?", id)
                .get(0);
    }

    private static String sectionOf(JsonObject event, String section) {
        return event.getJsonObject("payload").getJsonObject("content").getString(section);
    }
}
