package health.mediquo.webhooks.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import health.mediquo.webhooks.testing.Deliveries;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * H2 writes each commit of the embedded database as a new chunk of its file, and the chunks stay, mostly dead, unless
 * the receiver compacts the file. Measured as H2 reports it: the part of the file its chunks occupy, which the file
 * cannot shrink below. The deliveries are of a type the receiver stores but ignores, one commit each, so that the
 * test leaves no message on the queue (the broker shows selectors only its first messages).
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedDatabaseFileIT {

    private static final int DELIVERIES = 2_000;

    /** What a delivery may occupy once the dead chunks are compacted: it holds about 1 KB of row and index entries. */
    private static final long BYTES_PER_DELIVERY = 8_000;

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void theFileOfTheEmbeddedDatabaseGrowsByWhatItHoldsNotByEveryCommit() {
        assumeTrue(ReceiverDatabase.isH2(), "the receiver runs on H2");
        assertDeliveriesOccupyOnlyWhatTheyHold();
    }

    /**
     * H2 closes the database on {@code SHUTDOWN} (or when its last connection closes), and the receiver's pool opens it
     * again at its next request; the compaction must then find the store anew. The test's own connection goes through
     * the receiver's process (AUTO_SERVER), so the receiver opens the database first.
     */
    @Test
    void theFileIsStillCompactedAfterH2ClosedTheDatabase() {
        assumeTrue(ReceiverDatabase.isH2(), "the receiver runs on H2");
        ReceiverDatabase.shutDownH2();
        Answer reopened = Eventually.poll(
                EmbeddedDatabaseFileIT::deliverIgnored, answer -> answer.status() == 202, Duration.ofSeconds(30));
        assertEquals(202, reopened.status(), reopened::toString);

        assertDeliveriesOccupyOnlyWhatTheyHold();
    }

    private static void assertDeliveriesOccupyOnlyWhatTheyHold() {
        long before = occupiedBytes();

        for (int i = 0; i < DELIVERIES; i++) {
            Answer answer = deliverIgnored();
            assertEquals(202, answer.status(), answer::toString);
        }

        long limit = before + DELIVERIES * BYTES_PER_DELIVERY;
        long sent = System.nanoTime();
        long after =
                Eventually.poll(EmbeddedDatabaseFileIT::occupiedBytes, bytes -> bytes <= limit, Duration.ofSeconds(60));
        String figures = "H2's file: %d deliveries occupy %d KB (limit %d KB), %d s after the last one"
                .formatted(
                        DELIVERIES,
                        (after - before) / 1024,
                        (limit - before) / 1024,
                        (System.nanoTime() - sent) / 1_000_000_000);
        System.out.println(figures);
        assertTrue(after <= limit, figures);
    }

    private static Answer deliverIgnored() {
        return Receiver.deliver(Deliveries.event(
                        "patient_invited",
                        Json.createObjectBuilder()
                                .add("made-up", UUID.randomUUID().toString()))
                .toString());
    }

    private static long occupiedBytes() {
        return setting("info.FILE_SIZE") * setting("info.FILL_RATE") / 100;
    }

    private static long setting(String name) {
        return ReceiverDatabase.count(
                "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?", name);
    }
}
