package health.mediquo.webhooks.operations;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static health.mediquo.webhooks.testing.TestSecrets.DATA_KEY_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.DeliveryLoad;
import health.mediquo.webhooks.testing.DeliveryLoad.Sent;
import health.mediquo.webhooks.testing.Eventually;
import health.mediquo.webhooks.testing.FollowedJobs;
import health.mediquo.webhooks.testing.LossAudit;
import health.mediquo.webhooks.testing.LossAudit.Figures;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverProcess;
import health.mediquo.webhooks.testing.ServerMetrics;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two instances of the receiver (same WAR, post-boot file and settings, two ports) share one PostgreSQL database and
 * one broker, as behind a load balancer: both start at once on an empty database; a body delivered to both at once is
 * stored once; every notification is published exactly once; when one instance dies or restarts under load, nothing
 * acknowledged is lost and the other keeps answering; both purge expired deliveries at once without counting one twice.
 */
@EnabledIfSystemProperty(
        named = "it.broker.control",
        matches = ".+",
        disabledReason = "several instances share an external database and broker (production topology)")
class SeveralInstancesIT {

    private static final int FIRST_PORT = Integer.parseInt(System.getProperty("it.http.port")) + 1;
    private static final int SENDERS = 8;
    private static final Duration LOAD = Duration.ofSeconds(8);
    private static final Duration NOTIFICATIONS_WITHIN = Duration.ofSeconds(60);
    private static final String PURGED_DELIVERIES = "mediquo_retention_purged_total{kind=\"deliveries\"}";

    /** Several of the re-encryption's batches (200 rows each) for each instance. */
    private static final long ROWS_TO_SHARE = 600;

    private static ReceiverProcess first;
    private static ReceiverProcess second;

    /** Both instances start at the same moment on an empty database: migration and key registration must not race. */
    @BeforeAll
    static void startTwoInstancesAtOnceOnAnEmptyDatabase() {
        ReceiverDatabase.dropEverything();
        startBoth(Map.of());
        assertEquals(1, ReceiverDatabase.count("SELECT COUNT(*) FROM encryption_key"), "data keys registered");
    }

    /**
     * Starts both instances at the same moment, with these system properties over the suite's. Whichever fails, the
     * other is kept for {@link #stopBoth}: a process left running would hold its port for the executions after.
     */
    private static void startBoth(Map<String, String> systemProperties) {
        CompletableFuture<ReceiverProcess> starting =
                CompletableFuture.supplyAsync(() -> ReceiverProcess.start(FIRST_PORT, systemProperties));
        try {
            second = ReceiverProcess.start(FIRST_PORT + 1, systemProperties);
        } finally {
            first = starting.join();
        }
    }

    @AfterAll
    static void stopBoth() {
        Stream.of(first, second).filter(process -> process != null).forEach(ReceiverProcess::close);
    }

    @Test
    void bothInstancesStartedOnTheEmptyDatabase() {
        for (ReceiverProcess instance : List.of(first, second)) {
            Answer answer = Receiver.deliverTo(
                    instance.application(), soapReport(newPatientCode()).toString());
            assertEquals(202, answer.status(), answer::toString);
        }
    }

    @Test
    void theSameBodyDeliveredToBothAtOnceIsStoredOnce() {
        for (int i = 0; i < 50; i++) {
            String patientCode = newPatientCode();
            String body = soapReport(patientCode).toString();
            CompletableFuture<Answer> toFirst =
                    CompletableFuture.supplyAsync(() -> Receiver.deliverTo(first.application(), body));
            Answer fromSecond = Receiver.deliverTo(second.application(), body);
            Answer fromFirst = toFirst.join();

            List<Integer> statuses = Stream.of(fromFirst, fromSecond)
                    .map(Answer::status)
                    .sorted()
                    .toList();
            assertEquals(List.of(200, 202), statuses, () -> fromFirst + " / " + fromSecond);
            assertEquals(fromFirst.deliveryId(), fromSecond.deliveryId());
            assertEquals(
                    1,
                    ReceiverDatabase.count("SELECT COUNT(*) FROM patient_report WHERE patient_code = ?", patientCode));
        }
    }

    @Test
    void underLoadOnBothEveryNotificationIsPublishedExactlyOnce() {
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(first.application(), second.application()));
        Eventually.pause(LOAD);
        List<Sent> sent = load.stop();

        Figures figures = LossAudit.of(load, sent, first.application(), NOTIFICATIONS_WITHIN);
        System.out.println("two instances under load: " + figures);

        assertEquals(sent.size(), figures.acknowledged(), figures::toString);
        assertEquals(0, figures.lost(), figures::toString);
        assertEquals(0, figures.notificationsMissing(), figures::toString);
        assertEquals(0, figures.notificationsRepeated(), figures::toString);
    }

    @Test
    void whatAKilledInstanceAcknowledgedIsPublishedByTheOther() {
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(first.application(), second.application()));
        Eventually.pause(LOAD);
        second.kill();
        Eventually.pause(Duration.ofSeconds(2));
        List<Sent> sent = load.stop();
        try {
            Figures figures = LossAudit.of(load, sent, first.application(), NOTIFICATIONS_WITHIN);
            System.out.println("two instances, one killed under load: " + figures);

            assertAcknowledgedByBoth(sent);
            assertEquals(0, figures.lost(), figures::toString);
            assertEquals(0, figures.notificationsMissing(), figures::toString);
            assertEquals(0, serverErrorsFrom(first, sent), figures::toString);
        } finally {
            second = ReceiverProcess.start(FIRST_PORT + 1);
        }
    }

    @Test
    void aRollingRestartUnderLoadLosesNothingAndTheOtherInstanceKeepsAnswering() {
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(first.application(), second.application()));
        Eventually.pause(LOAD);
        Duration stop = second.terminate(Duration.ofSeconds(30));
        second = ReceiverProcess.start(FIRST_PORT + 1);
        Eventually.pause(LOAD);
        List<Sent> sent = load.stop();

        Figures figures = LossAudit.of(load, sent, first.application(), NOTIFICATIONS_WITHIN);
        System.out.println(
                "two instances, one restarted under load (stopped in " + stop.toMillis() + " ms): " + figures);

        assertAcknowledgedByBoth(sent);
        assertEquals(0, figures.lost(), figures::toString);
        assertEquals(0, figures.notificationsMissing(), figures::toString);
        assertEquals(0, serverErrorsFrom(first, sent), figures::toString);
        assertTrue(
                sent.stream()
                        .noneMatch(delivery ->
                                delivery.receiver().equals(first.application()) && !delivery.acknowledged()),
                figures::toString);
    }

    @Test
    void bothInstancesPurgeExpiredDeliveriesAtOnceWithoutCountingOneTwice() {
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(first.application(), second.application()));
        Eventually.pause(Duration.ofSeconds(3));
        List<Sent> sent = load.stop();
        LossAudit.of(load, sent, first.application(), NOTIFICATIONS_WITHIN); // every notification published
        double purgedBefore = purgedByBoth();

        long expired = ReceiverDatabase.update(
                "UPDATE delivery SET received_at = ? WHERE id IN"
                        + " (SELECT delivery_id FROM patient_report WHERE patient_code LIKE ?)",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(31),
                load.patientCodePrefix() + "%");

        double purged =
                Eventually.poll(() -> purgedByBoth() - purgedBefore, count -> count >= expired, Duration.ofSeconds(60));
        assertEquals(expired, (long) purged);
        assertEquals(
                0,
                ReceiverDatabase.count(
                        "SELECT COUNT(*) FROM patient_report WHERE patient_code LIKE ?",
                        load.patientCodePrefix() + "%"));
    }

    /**
     * Both instances restarted with a new current key re-encrypt at once: the rows are shared between them, none is
     * resealed twice or skipped, and the old key is retired. Then the same back to the suite's key, which both keep.
     */
    @Test
    void bothInstancesReEncryptAtOnceSharingTheRows() {
        DeliveryLoad load = DeliveryLoad.start(SENDERS, List.of(first.application(), second.application()));
        Eventually.poll(
                () -> ReceiverDatabase.count("SELECT COUNT(*) FROM patient_report"),
                rows -> rows >= ROWS_TO_SHARE,
                Duration.ofSeconds(120));
        load.stop();

        reEncryptOnBothAtOnce(
                Map.of("mediquo.encryption.keys", "it-2,it-1", "mediquo.encryption.key.it-2", DATA_KEY_2));
        reEncryptOnBothAtOnce(
                Map.of("mediquo.encryption.keys", "it-1,it-2", "mediquo.encryption.key.it-2", DATA_KEY_2));
    }

    private static void reEncryptOnBothAtOnce(Map<String, String> rotatedKeys) {
        String current = rotatedKeys.get("mediquo.encryption.keys").split(",")[0];
        Map<String, Long> outdated = rowsNotSealedUnder(current);
        Stream.of(first, second).forEach(ReceiverProcess::close);
        startBoth(rotatedKeys);

        List<Answer> started = Stream.of(first, second)
                .map(instance -> Receiver.post(instance.application(), "api/encryption/re-encrypt", ApiUser.ADMIN))
                .toList();
        List<JsonObject> jobs = started.stream()
                .map(job -> FollowedJobs.succeeded(job, ApiUser.ADMIN))
                .toList();
        System.out.println("re-encryption to " + current + " on both at once: " + jobs);
        List<JsonObject> results =
                jobs.stream().map(job -> job.getJsonObject("result")).toList();

        for (String table : outdated.keySet()) {
            assertEquals(
                    outdated.get(table),
                    results.stream()
                            .mapToLong(result -> result.getJsonObject("resealed_rows")
                                    .getJsonNumber(table)
                                    .longValue())
                            .sum(),
                    () -> table + ": " + results);
        }
        assertEquals(Map.of("delivery", 0L, "patient_report", 0L), rowsNotSealedUnder(current));
        assertEquals(
                List.of(current),
                ReceiverDatabase.strings("SELECT id FROM encryption_key"),
                "the older key retired, by one of them");
    }

    private static Map<String, Long> rowsNotSealedUnder(String keyId) {
        String pattern = keyId + "@%";
        return Map.of(
                "delivery",
                ReceiverDatabase.count("SELECT COUNT(*) FROM delivery WHERE body NOT LIKE ?", pattern),
                "patient_report",
                ReceiverDatabase.count("SELECT COUNT(*) FROM patient_report WHERE plan NOT LIKE ?", pattern));
    }

    private static void assertAcknowledgedByBoth(List<Sent> sent) {
        for (ReceiverProcess instance : List.of(first, second)) {
            URI application = instance.application();
            assertTrue(
                    sent.stream()
                            .anyMatch(delivery -> delivery.receiver().equals(application) && delivery.acknowledged()),
                    () -> "nothing acknowledged by " + application);
        }
    }

    private static long serverErrorsFrom(ReceiverProcess instance, List<Sent> sent) {
        return sent.stream()
                .filter(delivery -> delivery.receiver().equals(instance.application()))
                .filter(delivery ->
                        delivery.answer() != null && delivery.answer().status() >= 500)
                .count();
    }

    private static double purgedByBoth() {
        return Stream.of(first, second)
                .mapToDouble(instance ->
                        ServerMetrics.application(instance.application()).getOrDefault(PURGED_DELIVERIES, 0.0))
                .sum();
    }
}
