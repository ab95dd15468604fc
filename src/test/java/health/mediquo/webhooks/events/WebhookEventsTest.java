package health.mediquo.webhooks.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.receiving.Envelope;
import health.mediquo.webhooks.receiving.EnvelopeParser;
import health.mediquo.webhooks.receiving.InvalidEnvelope;
import health.mediquo.webhooks.reports.ReportContent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    private static final DeliveryId DELIVERY = DeliveryId.next();
    private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05Z");

    private final WebhookEvents events = new WebhookEvents();

    @Test
    void soapReportBecomesPatientReportSentWithItsFourSections() {
        Optional<Object> event = decode("patient_report_sent", """
                {"type":"soap","content":{"subjective":"s","objective":"o","assessment":"a","plan":""},
                 "patient":{"code":"made-up-code"}}""");

        assertEquals(
                Optional.of(new PatientReportSent(
                        DELIVERY,
                        Instant.ofEpochSecond(42),
                        RECEIVED,
                        new ReportContent.Soap("s", "o", "a", ""),
                        "made-up-code")),
                event);
    }

    @Test
    void reportOfAnUnknownTypeKeepsItsContentAsJson() {
        PatientReportSent event =
                (PatientReportSent) decode("patient_report_sent", """
                {"type":"prescription","content":{"drug":"made-up","doses":[1,2]},"patient":{"code":"c"}}""").orElseThrow();

        assertEquals(
                new ReportContent.Verbatim("prescription", "{\"drug\":\"made-up\",\"doses\":[1,2]}"), event.report());
    }

    @Test
    void eventOfAnUnknownTypeDecodesToNothing() {
        assertTrue(decode("patient_discharged", "{\"anything\":true}").isEmpty());
    }

    @Test
    void soapReportWithoutASectionNamesIt() {
        InvalidEnvelope invalid = assertThrows(InvalidEnvelope.class, () -> decode("patient_report_sent", """
                {"type":"soap","content":{"subjective":"s","objective":"o","assessment":"a"},"patient":{"code":"c"}}"""));

        assertEquals("payload.content.plan", invalid.field());
    }

    @Test
    void reportWithoutPatientCodeNamesIt() {
        InvalidEnvelope invalid = assertThrows(InvalidEnvelope.class, () -> decode("patient_report_sent", """
                {"type":"soap","content":{"subjective":"","objective":"","assessment":"","plan":""},
                 "patient":{"code":null}}"""));

        assertEquals("payload.patient.code", invalid.field());
    }

    private Optional<Object> decode(String type, String payload) {
        Envelope envelope = new EnvelopeParser()
                .parse("{\"type\":\"" + type + "\",\"occurred_on\":42,\"payload\":" + payload + "}");
        return events.decode(DELIVERY, RECEIVED, envelope);
    }
}
