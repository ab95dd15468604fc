package health.mediquo.webhooks.operations;

import java.time.Duration;

/**
 * Whether the receiver is stopping, and how many requests it is still answering. One per application, kept in the
 * servlet context by {@link GracefulStop} for {@link StoppingGate}: not a CDI bean, so the gate keeps answering while
 * the server tears CDI down.
 */
public class Stopping {

    static final String ATTRIBUTE = Stopping.class.getName();

    private boolean stopping;
    private int inFlight;

    /** Lets a request in, unless the receiver is stopping. */
    synchronized boolean admit() {
        if (stopping) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void finished() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** From now on every request is refused; returns once those let in before have been answered, or at the timeout. */
    synchronized int refuseAndDrain(Duration timeout) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return inFlight;
    }
}
