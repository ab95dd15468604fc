package health.mediquo.webhooks.notifications;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.ExternalBroker;
import health.mediquo.webhooks.testing.FollowedJobs;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ReportQueue;
import health.mediquo.webhooks.testing.ServerLog;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While the broker is down deliveries are still acknowledged; once it is back, each is announced exactly once, but for
 * those erased meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(
        named = "it.broker.control",
        matches = ".+",
        disabledReason = "needs an external broker that the test can stop (production topology)")
class BrokerOutageIT {

    private static final int DELIVERIES = 5;
    private static final String BACKLOG_LOG_LINE = "notifications wait in the outbox";

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void deliveriesAreAcknowledgedWhileTheBrokerIsDownAndAnnouncedOnceWhenItIsBack() {
        long backlogLinesBefore = ServerLog.linesContaining(BACKLOG_LOG_LINE);
        List<String> deliveries = new ArrayList<>();
        ExternalBroker.stop();
        try {
            for (int i = 0; i < DELIVERIES; i++) {
                Answer answer = Receiver.deliver(soapReport(newPatientCode()).toString());
                assertEquals(202, answer.status(), answer::toString);
                deliveries.add(answer.deliveryId());
            }
            long backlogLines = Eventually.poll(
                    () -> ServerLog.linesContaining(BACKLOG_LOG_LINE),
                    lines -> lines > backlogLinesBefore,
                    Duration.ofSeconds(30));
            assertTrue(backlogLines > backlogLinesBefore, "the relay never logged its backlog");
            for (String delivery : deliveries) {
                assertEquals(1, unpublishedNotificationsOf(delivery), delivery);
            }
            assertReadinessSeesTheOutage();
        } finally {
            ExternalBroker.start();
        }

        for (String delivery : deliveries) {
            assertEquals(
                    1,
                    ReportQueue.noticesAbout(delivery, Duration.ofSeconds(60)).size(),
                    delivery);
            assertEquals(0, unpublishedNotificationsOf(delivery), delivery);
        }
    }

    /** A notification still waiting in the outbox goes with its patient's erasure: the broker, once back, never gets it. */
    @Test
    void aWaitingNotificationOfAnErasedPatientIsNeverSent() {
        String patient = newPatientCode();
        String erased;
        ExternalBroker.stop();
        try {
            Answer answer = Receiver.deliver(soapReport(patient).toString());
            assertEquals(202, answer.status(), answer::toString);
            erased = answer.deliveryId();
            assertEquals(1, unpublishedNotificationsOf(erased), "waiting while the broker is down");

            JsonObject erasure = FollowedJobs.succeeded(
                            Receiver.delete("api/patients/" + patient, ApiUser.PRIVACY), ApiUser.PRIVACY)
                    .getJsonObject("result");
            assertEquals(1, erasure.getInt("notifications"), erasure::toString);
        } finally {
            ExternalBroker.start();
        }

        Answer later = Receiver.deliver(soapReport(newPatientCode()).toString());
        assertEquals(
                1,
                ReportQueue.noticesAbout(later.deliveryId(), Duration.ofSeconds(60))
                        .size(),
                "the relay runs");
        assertEquals(List.of(), ReportQueue.noticesAbout(erased, Duration.ofSeconds(5)), "never sent");
        assertEquals(0, ReceiverDatabase.count("SELECT COUNT(*) FROM notification WHERE delivery_id = ?", erased));
    }

    /** Out of service while the broker is down; the backlog it reports holds at least this test's notifications. */
    private static void assertReadinessSeesTheOutage() {
        Answer ready = Receiver.getFromManagement("health/ready", "application/json");
        assertEquals(503, ready.status(), ready::toString);
        Map<String, JsonObject> checks = ready.healthChecks();
        assertEquals("DOWN", checks.get("jms-broker").getString("status"), ready::toString);
        long unpublished = Long.parseLong(
                checks.get("outbox-backlog").getJsonObject("data").getString("unpublished"));
        assertTrue(unpublished >= DELIVERIES, ready::toString);
    }

    private static long unpublishedNotificationsOf(String delivery) {
        return ReceiverDatabase.count(
                "SELECT COUNT(*) FROM notification WHERE delivery_id = ? AND published_at IS NULL", delivery);
    }
}
