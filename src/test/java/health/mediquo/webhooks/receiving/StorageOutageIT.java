package health.mediquo.webhooks.receiving;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While the database is down nothing is acknowledged, and the sender learns it within a second (senders commonly give
 * up after 5 to 10 s and record a failure of their own); once the database is back, the receiver recovers by itself.
 */
@ExtendWith(ArquillianExtension.class)
class StorageOutageIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void unavailableDatabaseIsAnsweredWith503AndTheReceiverRecovers() {
        String body = soapReport(newPatientCode()).toString();
        Receiver.deliver(soapReport(newPatientCode()).toString()); // the pool holds open connections now
        AtomicReference<Answer> duringOutage = new AtomicReference<>();
        AtomicReference<Duration> answeredAfter = new AtomicReference<>();

        ReceiverDatabase.whileUnavailable(() -> {
            long sent = System.nanoTime();
            duringOutage.set(Receiver.deliver(body));
            answeredAfter.set(Duration.ofNanos(System.nanoTime() - sent));
        });

        Answer outage = duringOutage.get();
        System.out.println("database down: answered " + outage.status() + " after "
                + answeredAfter.get().toMillis() + " ms");
        assertEquals(503, outage.status(), outage::toString);
        assertTrue(answeredAfter.get().compareTo(ANSWER_WITHIN) <= 0, () -> "503 after " + answeredAfter.get());
        assertEquals("application/problem+json", outage.contentType());
        assertNotNull(outage.retryAfter());
        assertFalse(outage.body().contains("Exception"), outage::toString);
        Answer afterRecovery =
                Eventually.poll(() -> Receiver.deliver(body), answer -> answer.status() != 503, Duration.ofSeconds(30));
        assertEquals(202, afterRecovery.status(), "the 503 left a delivery behind: " + afterRecovery);
    }
}
