package health.mediquo.webhooks.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.DeliveryLoad;
import health.mediquo.webhooks.testing.DeliveryLoad.Sent;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.LossAudit;
import health.mediquo.webhooks.testing.LossAudit.Figures;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.WildFlyServer;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly's restart of a running server (suspend, then reload, as an operator does after a configuration change)
 * while MediQuo delivers: nothing acknowledged is lost, and senders get only acknowledgements, the server's refusals
 * or no connection. Runs in the WildFly execution only; ReceiverRestartIT restarts the
 * Payara Micro process.
 */
@ExtendWith(ArquillianExtension.class)
class ServerReloadIT {

    private static final int SENDERS = 16;
    private static final Duration LOAD_AROUND_THE_RELOAD = Duration.ofSeconds(4);

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void reloadedUnderLoadLosesNoAcknowledgedDelivery() {
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(Receiver.APPLICATION));
        Eventually.pause(LOAD_AROUND_THE_RELOAD);
        WildFlyServer.reload();
        int ready = Eventually.poll(
                        () -> Receiver.getFromManagement("health/ready", "application/json"),
                        answer -> answer.status() == 200,
                        Duration.ofSeconds(60))
                .status();
        Eventually.pause(LOAD_AROUND_THE_RELOAD);
        List<Sent> sent = load.stop();

        Figures figures = LossAudit.of(load, sent, Receiver.APPLICATION, Duration.ofSeconds(60));
        System.out.println("reload under load: " + figures);

        assertEquals(200, ready, "ready again after the reload");
        LossAudit.assertNothingLost(figures);
        assertTrue(
                figures.answers().keySet().stream().allMatch(ServerReloadIT::isAcknowledgementOrRefusal),
                () -> "answers other than an acknowledgement, a refusal or no connection: " + figures);
    }

    /**
     * What a sender may get while the server suspends and reloads, as LossAudit names the answers. Between the
     * application's stop and the listener's, WildFly answers the server's own 404 page (a known limit, in the README);
     * no 500, and nothing the receiver itself answers but its acknowledgements.
     */
    private static boolean isAcknowledgementOrRefusal(String answer) {
        return answer.matches("2\\d\\d") || answer.equals("503") || answer.equals("404") || answer.equals("none");
    }
}
