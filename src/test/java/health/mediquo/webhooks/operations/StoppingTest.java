package health.mediquo.webhooks.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StoppingTest {

    private final Stopping stopping = new Stopping();

    @Test
    void theDrainWaitsForTheRequestsLetInAndRefusesNewOnes() throws Exception {
        assertTrue(stopping.admit());
        assertTrue(stopping.admit());

        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(this::drainForAMinute);
        awaitRefusal();
        stopping.finished();
        assertFalse(drain.isDone(), "the drain ended with a request still in flight");
        stopping.finished();

        assertEquals(0, drain.get(10, TimeUnit.SECONDS));
        assertFalse(stopping.admit());
    }

    @Test
    void theDrainGivesUpAtItsTimeoutAndSaysHowManyAreLeft() throws Exception {
        assertTrue(stopping.admit());

        assertEquals(1, stopping.refuseAndDrain(Duration.ofMillis(100)));
    }

    private int drainForAMinute() {
        try {
            return stopping.refuseAndDrain(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until the drain has started: from then on, no request is let in. */
    private void awaitRefusal() throws InterruptedException {
        while (stopping.admit()) {
            stopping.finished();
            Thread.sleep(1);
        }
    }
}
