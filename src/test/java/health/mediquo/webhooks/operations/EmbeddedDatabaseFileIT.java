package health.mediquo.webhooks.operations;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * H2 writes each commit of the embedded database as a new chunk of its file, and a delivery takes several commits
 * (about 45 KB of chunks when they come one at a time); the chunks stay, mostly dead, unless the receiver compacts
 * the file. Measured as H2 reports it: the part of the file its chunks occupy, which the file cannot shrink below.
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedDatabaseFileIT {

    private static final int DELIVERIES = 2_000;

    /** What a delivery may occupy once its dead chunks are compacted: it holds about 2 KB of rows and indexes. */
    private static final long BYTES_PER_DELIVERY = 10_000;

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void theFileOfTheEmbeddedDatabaseGrowsByWhatItHoldsNotByEveryCommit() {
        assumeTrue(ReceiverDatabase.isH2(), "the receiver runs on H2");
        long before = occupiedBytes();

        for (int i = 0; i < DELIVERIES; i++) {
            assertEquals(
                    202,
                    Receiver.deliver(soapReport(newPatientCode()).toString()).status());
        }

        long limit = before + DELIVERIES * BYTES_PER_DELIVERY;
        long after =
                Eventually.poll(EmbeddedDatabaseFileIT::occupiedBytes, bytes -> bytes <= limit, Duration.ofSeconds(60));
        assertTrue(
                after <= limit,
                "%d deliveries occupy %d KB of H2's file, more than %d KB"
                        .formatted(DELIVERIES, (after - before) / 1024, (limit - before) / 1024));
    }

    private static long occupiedBytes() {
        return setting("info.FILE_SIZE") * setting("info.FILL_RATE") / 100;
    }

    private static long setting(String name) {
        return ReceiverDatabase.count(
                "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?", name);
    }
}
