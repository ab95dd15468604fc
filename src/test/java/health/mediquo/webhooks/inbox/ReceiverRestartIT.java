package health.mediquo.webhooks.inbox;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.DeliveryLoad;
import health.mediquo.webhooks.testing.DeliveryLoad.Sent;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.LossAudit;
import health.mediquo.webhooks.testing.LossAudit.Figures;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ReceiverProcess;
import health.mediquo.webhooks.testing.ReportQueue;
import health.mediquo.webhooks.testing.ServerLog;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What was acknowledged before a restart is still there after it: deliveries, and messages not yet consumed. However
 * the process ends under load, killed or asked to stop, no delivery it acknowledged is lost: after a restart on the
 * same data each one is still known, its report is stored once and its notification reaches the queue.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiverRestartIT {

    private static final String RECEIVER = "receiver";
    private static final int SENDERS = 16;
    private static final Duration LOAD_BEFORE_THE_END = Duration.ofSeconds(6);
    private static final Duration LOAD_AFTER_THE_END = Duration.ofSeconds(2);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    private static final String DRAIN = " left unanswered";
    private static final Predicate<String> DRAIN_LEFT_A_REQUEST =
            Pattern.compile(", [1-9]\\d* left unanswered").asPredicate();

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

    @Test
    void killedUnderLoadLosesNoAcknowledgedDelivery() {
        Figures figures = endUnderLoad(ReceiverProcess::kill);
        System.out.println("kill -9 under load: " + figures);

        assertNothingLost(figures);
    }

    @Test
    void stoppedUnderLoadDrainsRefusesCleanlyExitsInTimeAndLosesNothing() {
        // Each count stands alone: a line of the previous test's stop may reach the file between two reads.
        long drainsBefore = ServerLog.linesContaining(DRAIN);
        long uncleanDrainsBefore = ServerLog.linesMatching(DRAIN_LEFT_A_REQUEST);
        Duration[] exit = new Duration[1];
        long[] drains = new long[1];
        Figures figures = endUnderLoad(process -> {
            exit[0] = process.terminate(STOP_WITHIN);
            // Counted before the audit's own server is stopped, which drains and logs again.
            drains[0] = ServerLog.linesContaining(DRAIN) - drainsBefore;
        });
        System.out.println("SIGTERM under load: exited in " + exit[0].toMillis() + " ms; " + figures);

        assertNothingLost(figures);
        assertTrue(drains[0] >= 1, "requests in flight answered before the exit");
        assertEquals(
                uncleanDrainsBefore,
                ServerLog.linesMatching(DRAIN_LEFT_A_REQUEST),
                "a request in flight was left unanswered");
        assertTrue(
                figures.answers().keySet().stream().allMatch(ReceiverRestartIT::isAcknowledgementOrCleanRefusal),
                () -> "answers other than an acknowledgement, the receiver's 503 or no connection: " + figures);
    }

    /** What a sender may get from a stopping receiver, as LossAudit names the answers. */
    private static boolean isAcknowledgementOrCleanRefusal(String answer) {
        return answer.matches("2\\d\\d") || answer.equals("503 stopping") || answer.equals("none");
    }

    /** Loads the receiver, ends its process mid-load, restarts it on the same data and audits what it kept. */
    private Figures endUnderLoad(Consumer<ReceiverProcess> end) {
        server.deploy(RECEIVER);
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(Receiver.APPLICATION));
        Eventually.pause(LOAD_BEFORE_THE_END);
        end.accept(ReceiverProcess.managedServer());
        Eventually.pause(LOAD_AFTER_THE_END);
        List<Sent> sent = load.stop();
        server.undeploy(RECEIVER);

        server.deploy(RECEIVER);
        try {
            return LossAudit.of(load, sent, Receiver.APPLICATION, Duration.ofSeconds(60));
        } finally {
            server.undeploy(RECEIVER);
        }
    }

    private static void assertNothingLost(Figures figures) {
        assertTrue(figures.sent() > figures.acknowledged(), () -> "the process ended after the load: " + figures);
        LossAudit.assertNothingLost(figures);
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
