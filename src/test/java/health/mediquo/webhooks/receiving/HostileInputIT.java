package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.privacy.SuiteKey;
import health.mediquo.webhooks.testing.MalformedBodies;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ten thousand generated malformed bodies, signed, sent to the deployed receiver by eight senders at once. Being
 * authentic, those answered 422 are kept as rejected deliveries, each body once; nothing else may be left behind.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final int BODIES = 10_000;
    private static final long SEED = Long.getLong("it.fuzz.seed", 20261127L);
    private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 413, 422);

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void malformedBodiesGetProblemsNeverAServerErrorAndLeaveNothingButRejectedDeliveriesBehind()
            throws InterruptedException {
        List<byte[]> bodies = new MalformedBodies(SEED).generate(BODIES);
        long rowsBefore = ReceiverDatabase.totalRows();
        long rejectedBefore = rejectedDeliveries();
        Set<String> unprocessable = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> firstBodyByUnexpectedStatus = new ConcurrentHashMap<>();

        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (byte[] body : bodies) {
            senders.execute(() -> {
                Answer answer = Receiver.deliver(body);
                statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger())
                        .incrementAndGet();
                if (answer.status() == 422) {
                    unprocessable.add(SuiteKey.digest(body));
                }
                if (!CLIENT_ERRORS.contains(answer.status())
                        || !answer.contentType().startsWith(Problem.MEDIA_TYPE)) {
                    String text = new String(body, StandardCharsets.UTF_8);
                    firstBodyByUnexpectedStatus.putIfAbsent(
                            answer.status(), text.substring(0, Math.min(text.length(), 300)) + " -> " + answer);
                }
            });
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(10, TimeUnit.MINUTES), "all bodies sent");

        assertEquals(Map.of(), firstBodyByUnexpectedStatus, () -> "answers by status: " + new TreeMap<>(statuses));
        assertEquals(
                BODIES, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
        long kept = rejectedDeliveries() - rejectedBefore;
        assertEquals(unprocessable.size(), kept, "rejected deliveries kept: one per distinct body answered 422");
        assertEquals(rowsBefore + kept, ReceiverDatabase.totalRows(), "rows left behind besides rejected deliveries");
        Answer health = Receiver.getFromManagement("health/ready", "application/json");
        assertEquals(200, health.status(), health::toString);
    }

    private static long rejectedDeliveries() {
        return ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE status = 'REJECTED'");
    }
}
