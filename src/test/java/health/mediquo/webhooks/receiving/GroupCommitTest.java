package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.inbox.DeliveryId;
import health.mediquo.webhooks.privacy.BodyDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final int REQUESTS = 40;

    private final ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);
    private final RecordingIntake intake = new RecordingIntake();
    private final GroupCommit groupCommit = new GroupCommit();

    GroupCommitTest() {
        groupCommit.intake = intake;
    }

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void concurrentDeliveriesShareTransactionsAndEachGetsItsOwnReceipt() throws Exception {
        List<RawDelivery> deliveries = deliveries(REQUESTS);

        List<Receipt> receipts = takeInAtOnce(deliveries);

        for (int i = 0; i < REQUESTS; i++) {
            assertEquals(deliveries.get(i).id(), receipts.get(i).delivery());
        }
        assertEquals(REQUESTS, intake.batches.stream().mapToInt(List::size).sum(), "each delivery taken in once");
        assertTrue(intake.batches.size() < REQUESTS, "fewer transactions than deliveries: " + intake.batches.size());
        assertTrue(intake.batches.stream().allMatch(batch -> batch.size() <= GroupCommit.MAX_BATCH));
    }

    @Test
    void aFailedSharedTransactionIsRetriedOneDeliveryAtATimeAndOnlyTheFailingOneFails() throws Exception {
        List<RawDelivery> deliveries = deliveries(REQUESTS);
        RawDelivery failing = deliveries.get(REQUESTS / 2);
        intake.failing = failing.id();

        List<CompletableFuture<Receipt>> answers = submitAtOnce(deliveries);

        for (int i = 0; i < REQUESTS; i++) {
            CompletableFuture<Receipt> answer = answers.get(i);
            if (deliveries.get(i) == failing) {
                Exception thrown = assertThrows(Exception.class, () -> answer.get(10, TimeUnit.SECONDS));
                assertSame(RecordingIntake.FAILURE, thrown.getCause());
            } else {
                assertEquals(
                        deliveries.get(i).id(), answer.get(10, TimeUnit.SECONDS).delivery());
            }
        }
        int committed = intake.batches.stream().mapToInt(List::size).sum();
        assertEquals(REQUESTS - 1, committed, "every other delivery committed once");
    }

    private List<Receipt> takeInAtOnce(List<RawDelivery> deliveries) throws Exception {
        List<Receipt> receipts = new ArrayList<>();
        for (CompletableFuture<Receipt> answer : submitAtOnce(deliveries)) {
            receipts.add(answer.get(10, TimeUnit.SECONDS));
        }
        return receipts;
    }

    private List<CompletableFuture<Receipt>> submitAtOnce(List<RawDelivery> deliveries) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Receipt>> answers = deliveries.stream()
                .map(raw -> CompletableFuture.supplyAsync(
                        () -> {
                            awaitQuietly(start);
                            return groupCommit.takeIn(raw, new Decoded(null, Optional.empty()));
                        },
                        requests))
                .toList();
        start.countDown();
        return answers;
    }

    private static List<RawDelivery> deliveries(int count) {
        List<RawDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deliveries.add(new RawDelivery(
                    DeliveryId.next(), Instant.now(), "{}", new BodyDigest("k:" + i, List.of("k:" + i))));
        }
        return deliveries;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes its time over each transaction, so that deliveries queue up meanwhile; fails for one delivery. */
    private static final class RecordingIntake extends DeliveryIntake {

        static final RuntimeException FAILURE = new IllegalStateException("made-up storage failure");

        final List<List<DeliveryId>> batches = Collections.synchronizedList(new ArrayList<>());
        volatile DeliveryId failing;

        @Override
        public List<Receipt> takeInAll(List<Arrival> arrivals) {
            pause();
            List<DeliveryId> ids =
                    arrivals.stream().map(arrival -> arrival.raw().id()).toList();
            if (ids.contains(failing)) {
                throw FAILURE;
            }
            batches.add(ids);
            return ids.stream()
                    .map(id -> new Receipt(id, Receipt.Outcome.ACCEPTED))
                    .toList();
        }

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
