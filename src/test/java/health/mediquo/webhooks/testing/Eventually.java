package health.mediquo.webhooks.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Repeats an attempt until its outcome is the one awaited, for things that happen asynchronously. */
public final class Eventually {

    private static final long PAUSE_MILLIS = 200;

    private Eventually() {}

    /** The first outcome that satisfies {@code done}, or the last one tried when {@code within} has passed. */
    public static <T> T poll(Supplier<T> attempt, Predicate<T> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        T outcome = attempt.get();
        while (!done.test(outcome) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(PAUSE_MILLIS));
            outcome = attempt.get();
        }
        return outcome;
    }

    /** Lets the time pass, while something runs in the background. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
