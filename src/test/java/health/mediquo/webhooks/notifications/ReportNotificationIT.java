package health.mediquo.webhooks.notifications;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import health.mediquo.webhooks.privacy.SuiteKey;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ReportQueue;
import health.mediquo.webhooks.testing.ReportQueue.Notice;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JMS message the estate receives about each archived report. */
@ExtendWith(ArquillianExtension.class)
class ReportNotificationIT {

    private static final Duration PUBLICATION_WAIT = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void archivedReportIsAnnouncedOnTheQueueWithoutItsClinicalText() {
        String patient = newPatientCode();
        JsonObject event = soapReport(patient);
        Answer answer = Receiver.deliver(event.toString());

        List<Notice> notices = ReportQueue.noticesAbout(answer.deliveryId(), PUBLICATION_WAIT);

        assertEquals(1, notices.size(), notices::toString);
        Notice notice = notices.get(0);
        assertEquals(answer.deliveryId(), notice.correlationId());
        assertEquals("patient_report_archived", notice.type());
        JsonObject message = Json.createReader(new StringReader(notice.text())).readObject();
        Map<String, Object> report = ReceiverDatabase.row(
                        "SELECT id FROM patient_report WHERE delivery_id = ?", answer.deliveryId())
                .orElseThrow();
        assertEquals(
                Set.of("delivery_id", "report_id", "patient_code", "report_type", "occurred_on", "received_at"),
                message.keySet());
        assertEquals(answer.deliveryId(), message.getString("delivery_id"));
        assertEquals(report.get("id"), message.getString("report_id"));
        assertEquals(patient, message.getString("patient_code"));
        assertEquals("soap", message.getString("report_type"));
        assertEquals(
                Instant.ofEpochSecond(event.getJsonNumber("occurred_on").longValue()),
                Instant.parse(message.getString("occurred_on")));
        assertNotNull(Instant.parse(message.getString("received_at")));
        JsonObject content = event.getJsonObject("payload").getJsonObject("content");
        for (String section : content.keySet()) {
            assertFalse(notice.text().contains(content.getString(section)), section + " leaked into the message");
        }
    }

    @Test
    void publishedNotificationIsMarkedWithItsPublicationTime() {
        Answer answer = Receiver.deliver(soapReport(newPatientCode()).toString());

        ReportQueue.noticesAbout(answer.deliveryId(), PUBLICATION_WAIT);

        Map<String, Object> notification = ReceiverDatabase.row(
                        "SELECT published_at FROM notification WHERE delivery_id = ?", answer.deliveryId())
                .orElseThrow();
        assertNotNull(notification.get("published_at"));
    }

    @Test
    void notificationLeftInTheOutboxIsPublishedByTheRelay() {
        // As if the server had stopped between the commit of a delivery and the publication of its notification.
        String deliveryId = UUID.randomUUID().toString();
        String message = Json.createObjectBuilder()
                .add("delivery_id", deliveryId)
                .build()
                .toString();
        // Bodies are sealed and digested with the receiver's keys, as the suite's keys make them.
        byte[] body = soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8);
        ReceiverDatabase.execute(
                "INSERT INTO delivery (id, body_digest, body, event_type, occurred_on, received_at, status)"
                        + " VALUES (?, ?, ?, 'patient_report_sent', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'PROCESSED')",
                deliveryId,
                SuiteKey.digest(body),
                SuiteKey.seal(new String(body, StandardCharsets.UTF_8), "delivery", "body", deliveryId));
        ReceiverDatabase.execute(
                "INSERT INTO notification (id, delivery_id, message, created_at)"
                        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                UUID.randomUUID().toString(),
                deliveryId,
                message);

        List<Notice> notices = ReportQueue.noticesAbout(deliveryId, PUBLICATION_WAIT);

        assertEquals(List.of(message), notices.stream().map(Notice::text).toList());
        assertNotNull(ReceiverDatabase.row("SELECT published_at FROM notification WHERE delivery_id = ?", deliveryId)
                .orElseThrow()
                .get("published_at"));
    }

    @Test
    void repeatedDeliveryIsAnnouncedOnce() {
        String body = soapReport(newPatientCode()).toString();
        Answer first = Receiver.deliver(body);
        Answer repeat = Receiver.deliver(body);

        List<Notice> notices = ReportQueue.noticesAbout(first.deliveryId(), PUBLICATION_WAIT);

        assertEquals(200, repeat.status(), repeat::toString);
        assertEquals(1, notices.size(), notices::toString);
    }
}
