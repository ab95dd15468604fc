package health.mediquo.webhooks.operations;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ServerLog;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a load balancer polling {@code /health/ready} sees while the receiver starts: its checks answer DOWN until the
 * start is over, then UP, and none fails to run on the way (Payara Micro runs them before the schema is migrated).
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessWhileStartingIT {

    private static final String RECEIVER = "receiver";
    private static final String CHECK_FAILED = "could not run";
    private static final Duration BETWEEN_PROBES = Duration.ofMillis(10);
    private static final Set<String> RECEIVER_CHECKS =
            Set.of("database", "jms-broker", "outbox-backlog", "rejected-deliveries");

    @ArquillianResource
    Deployer server;

    @Deployment(name = RECEIVER, managed = false, testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void checksAreDownUntilTheStartIsOverThenUpAndNoneFailsMeanwhile() {
        long failedChecksBefore = ServerLog.linesContaining(CHECK_FAILED);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean probing = new AtomicBoolean(true);
        CompletableFuture<Void> probe = CompletableFuture.runAsync(() -> {
            while (probing.get()) {
                probeReadiness(answers);
                Eventually.pause(BETWEEN_PROBES);
            }
        });
        server.deploy(RECEIVER);
        try {
            Answer delivered = Receiver.deliver(soapReport(newPatientCode()).toString());
            probeReadiness(answers);
            probing.set(false);
            probe.join();

            List<Answer> withOurChecks = answers.stream()
                    .filter(answer -> !receiverChecks(answer).isEmpty())
                    .toList();
            System.out.println("readiness while starting: " + summary(answers));
            assertEquals(202, delivered.status(), delivered::toString);
            assertEquals(0, ServerLog.linesContaining(CHECK_FAILED) - failedChecksBefore, "checks that could not run");
            for (Answer answer : withOurChecks) {
                assertTrue(isStarting(answer) || isUp(answer), answer::toString);
            }
            Answer last = withOurChecks.get(withOurChecks.size() - 1);
            assertTrue(
                    last.status() == 200 && receiverChecks(last).size() == RECEIVER_CHECKS.size() && isUp(last),
                    last::toString);
            assertTrue(
                    withOurChecks.stream().dropWhile(answer -> !isUp(answer)).allMatch(ReadinessWhileStartingIT::isUp),
                    () -> "DOWN again after UP: " + summary(answers));
        } finally {
            probing.set(false);
            server.undeploy(RECEIVER);
        }
    }

    /** Records the answer of a readiness probe that got a health document; nothing listening, a 404 or 500 is not one. */
    private static void probeReadiness(Collection<Answer> answers) {
        try {
            Answer answer = Receiver.getFromManagement("health/ready", "application/json");
            if ((answer.status() == 200 || answer.status() == 503)
                    && answer.contentType().contains("json")) {
                answers.add(answer);
            }
        } catch (UncheckedIOException nothingListensYet) {
            // the server is not up yet
        }
    }

    private static boolean isStarting(Answer answer) {
        return receiverChecks(answer).stream()
                .allMatch(check -> check.getString("status").equals("DOWN")
                        && dataOf(check).equals("{\"state\":\"starting\"}"));
    }

    private static boolean isUp(Answer answer) {
        return receiverChecks(answer).stream()
                .allMatch(check -> check.getString("status").equals("UP"));
    }

    /** The receiver's checks only: WildFly adds its own to every answer, and they go DOWN during any deployment. */
    private static List<JsonObject> receiverChecks(Answer answer) {
        return answer.healthChecks().entrySet().stream()
                .filter(check -> RECEIVER_CHECKS.contains(check.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static String summary(List<Answer> answers) {
        return answers.stream()
                .map(answer -> answer.status() + " "
                        + answer.healthChecks().values().stream()
                                .map(check -> check.getString("name") + ":" + check.getString("status") + dataOf(check))
                                .sorted()
                                .toList())
                .distinct()
                .toList()
                .toString();
    }

    private static String dataOf(JsonObject check) {
        return check.containsKey("data") ? check.getJsonObject("data").toString() : "";
    }
}
