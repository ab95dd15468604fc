package health.mediquo.webhooks.receiving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes in the deliveries of concurrent requests in shared transactions: while one batch commits, the deliveries that
 * arrive queue up, and the next request to get its turn commits all of them at once. A commit is the expensive part
 * of a delivery (H2 writes its store to the file at each one, PostgreSQL flushes its log), so under load many
 * deliveries share one. Each request still answers only once the transaction holding its delivery has committed.
 * When a shared transaction fails, its deliveries are taken in one by one, so that one delivery's failure (a
 * duplicate that raced in from another instance, say) is only its own.
 */
@ApplicationScoped
public class GroupCommit {

    /** Deliveries per transaction at most: bounds the transaction's length and what it holds in memory. */
    static final int MAX_BATCH = 100;

    @Inject
    DeliveryIntake intake;

    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    public Receipt takeIn(RawDelivery raw, Decoded decoded) {
        Pending delivery = new Pending(new DeliveryIntake.Arrival(raw, decoded));
        waiting.add(delivery);
        while (!delivery.isDone()) {
            committing.lock();
            try {
                if (!delivery.isDone()) {
                    commit(nextBatch());
                }
            } finally {
                committing.unlock();
            }
        }
        return delivery.receipt();
    }

    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = waiting.poll(); next != null; next = batch.size() < MAX_BATCH ? waiting.poll() : null) {
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<Pending> batch) {
        try {
            List<Receipt> receipts =
                    intake.takeInAll(batch.stream().map(Pending::arrival).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done(receipts.get(i), null);
            }
        } catch (Exception sharedTransactionFailed) { // WildFly throws its RollbackException undeclared
            batch.forEach(this::commitAlone);
        } finally {
            batch.stream()
                    .filter(pending -> !pending.isDone())
                    .forEach(pending -> pending.done(null, new IllegalStateException("The delivery was not taken in")));
        }
    }

    private void commitAlone(Pending pending) {
        try {
            pending.done(intake.takeInAll(List.of(pending.arrival())).get(0), null);
        } catch (Exception failure) {
            pending.done(
                    null,
                    failure instanceof RuntimeException unchecked
                            ? unchecked
                            : new IllegalStateException("The delivery's transaction failed", failure));
        }
    }

    /** A delivery waiting for its transaction; written by the committing thread, read by its own after the lock. */
    private static final class Pending {
        private final DeliveryIntake.Arrival arrival;
        private volatile boolean done;
        private Receipt receipt;
        private RuntimeException failure;

        Pending(DeliveryIntake.Arrival arrival) {
            this.arrival = arrival;
        }

        DeliveryIntake.Arrival arrival() {
            return arrival;
        }

        boolean isDone() {
            return done;
        }

        void done(Receipt receipt, RuntimeException failure) {
            this.receipt = receipt;
            this.failure = failure;
            this.done = true;
        }

        Receipt receipt() {
            if (failure != null) {
                throw failure;
            }
            return receipt;
        }
    }
}
