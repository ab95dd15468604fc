package health.mediquo.webhooks.retention;

import static health.mediquo.webhooks.privacy.SuiteKey.digest;
import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ServerLog;
import health.mediquo.webhooks.testing.ServerMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The suite runs with a retention of 30 days, checked every 2 s (pom.xml); received_at is moved back by hand. */
@ExtendWith(ArquillianExtension.class)
class RetentionPurgeIT {

    private static final String PURGED_DELIVERIES = "mediquo_retention_purged_total{kind=\"deliveries\"}";

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void deliveriesOlderThanTheRetentionGoWithTheirReportsAndNotificationsRejectedOnesToo() {
        String old = announced(Receiver.deliver(soapReport(newPatientCode()).toString()));
        String recent = announced(Receiver.deliver(soapReport(newPatientCode()).toString()));
        String rejected = rejected(Deliveries.with(soapReport(newPatientCode()), "/payload/patient/code", null)
                .toString());
        double purgedBefore = ServerMetrics.application().getOrDefault(PURGED_DELIVERIES, 0.0);
        long logLinesBefore = ServerLog.linesContaining("Retention purge removed");

        receivedDaysAgo(old, 31);
        receivedDaysAgo(recent, 29);
        receivedDaysAgo(rejected, 31);

        Eventually.poll(() -> rowsAbout(old) + rowsAbout(rejected), rows -> rows == 0, Duration.ofSeconds(30));
        assertEquals(0, rowsAbout(old), "rows left of the expired delivery");
        assertEquals(0, rowsAbout(rejected), "the expired rejected delivery");
        assertEquals(3, rowsAbout(recent), "the delivery within the retention, its report and notification");
        assertTrue(ServerMetrics.application().getOrDefault(PURGED_DELIVERIES, 0.0) >= purgedBefore + 1);
        assertTrue(ServerLog.linesContaining("Retention purge removed") > logLinesBefore);
    }

    /** The delivery's id, once its notification is published (a pending notice holds the purge back). */
    private static String announced(Answer answer) {
        assertEquals(202, answer.status(), answer::toString);
        Eventually.poll(
                () -> ReceiverDatabase.count(
                        "SELECT COUNT(*) FROM notification WHERE delivery_id = ? AND published_at IS NOT NULL",
                        answer.deliveryId()),
                published -> published == 1,
                Duration.ofSeconds(20));
        return answer.deliveryId();
    }

    /** The id of the delivery kept as rejected for this body. */
    private static String rejected(String body) {
        assertEquals(422, Receiver.deliver(body).status());
        return (String) ReceiverDatabase.row(
                        "SELECT id FROM delivery WHERE body_digest = ? AND status = 'REJECTED'",
                        digest(body.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow()
                .get("id");
    }

    private static void receivedDaysAgo(String deliveryId, int days) {
        ReceiverDatabase.execute(
                "UPDATE delivery SET received_at = ? WHERE id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(days),
                deliveryId);
    }

    private static long rowsAbout(String deliveryId) {
        return ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE id = ?", deliveryId)
                + ReceiverDatabase.count("SELECT COUNT(*) FROM patient_report WHERE delivery_id = ?", deliveryId)
                + ReceiverDatabase.count("SELECT COUNT(*) FROM notification WHERE delivery_id = ?", deliveryId);
    }
}
