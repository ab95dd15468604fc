package health.mediquo.webhooks.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.AdministeredServer;
import health.mediquo.webhooks.testing.DeliveryLoad;
import health.mediquo.webhooks.testing.DeliveryLoad.Sent;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.LossAudit;
import health.mediquo.webhooks.testing.LossAudit.Figures;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The full server restarted in place by its administration CLI, as an operator does after a configuration change
 * (WildFly: suspend, then reload; Payara Server: restart-domain), while MediQuo delivers: nothing acknowledged is lost,
 * and senders get only acknowledgements, the server's refusals or no connection. Runs in the WildFly and Payara Server
 * executions; ReceiverRestartIT restarts the Payara Micro process.
 */
@ExtendWith(ArquillianExtension.class)
class ServerRestartIT {

    private static final int SENDERS = 16;
    private static final Duration LOAD_AROUND_THE_RESTART = Duration.ofSeconds(4);

    private final AdministeredServer server = AdministeredServer.ofThisExecution();

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void restartedUnderLoadLosesNoAcknowledgedDelivery() {
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(Receiver.APPLICATION));
        Eventually.pause(LOAD_AROUND_THE_RESTART);
        server.restart();
        int ready = Eventually.poll(
                        () -> Receiver.getFromManagement("health/ready", "application/json"),
                        answer -> answer.status() == 200,
                        Duration.ofSeconds(60))
                .status();
        Eventually.pause(LOAD_AROUND_THE_RESTART);
        List<Sent> sent = load.stop();

        Figures figures = LossAudit.of(load, sent, Receiver.APPLICATION, Duration.ofSeconds(60));
        System.out.println("restart under load: " + figures);

        assertEquals(200, ready, "ready again after the restart");
        LossAudit.assertNothingLost(figures);
        assertTrue(
                figures.answers().keySet().stream()
                        .allMatch(answer -> answer.matches("2\\d\\d")
                                || answer.equals("none")
                                || server.refusalsDuringRestart().contains(answer)),
                () -> "answers other than an acknowledgement, a refusal or no connection: " + figures);
    }
}
