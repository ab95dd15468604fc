package health.mediquo.webhooks.inbox;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ReportQueue;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What was acknowledged before a restart is still there after it: deliveries, and messages not yet consumed. */
@ExtendWith(ArquillianExtension.class)
class ReceiverRestartIT {

    private static final String RECEIVER = "receiver";

    @ArquillianResource
    Deployer server;

    @Deployment(name = RECEIVER, managed = false, testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void deliveriesAndUnconsumedMessagesSurviveARestart() {
        String body = soapReport(newPatientCode()).toString();
        server.deploy(RECEIVER);
        Answer beforeRestart;
        try {
            beforeRestart = Receiver.deliver(body);
            awaitPublication(beforeRestart.deliveryId());
        } finally {
            server.undeploy(RECEIVER);
        }

        server.deploy(RECEIVER);
        try {
            Answer afterRestart = Receiver.deliver(body);

            assertEquals(202, beforeRestart.status(), beforeRestart::toString);
            assertEquals(200, afterRestart.status(), afterRestart::toString);
            assertEquals(beforeRestart.deliveryId(), afterRestart.deliveryId());
            assertEquals(
                    1,
                    ReportQueue.noticesAbout(beforeRestart.deliveryId(), Duration.ofSeconds(20))
                            .size());
        } finally {
            server.undeploy(RECEIVER);
        }
    }

    /** Waits until the outbox entry is published, without consuming the message. */
    private static void awaitPublication(String deliveryId) {
        long published = Eventually.poll(
                () -> ReceiverDatabase.count(
                        "SELECT COUNT(*) FROM notification WHERE delivery_id = ? AND published_at IS NOT NULL",
                        deliveryId),
                count -> count > 0,
                Duration.ofSeconds(20));
        assertEquals(1, published, "notification published before the restart");
    }
}
