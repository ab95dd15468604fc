package health.mediquo.webhooks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** The production topology's external broker, which a test may stop and start again like an operator would. */
public final class ExternalBroker {

    private static final String CONTROL = System.getProperty("it.broker.control");
    private static final String INSTANCE = System.getProperty("it.broker.instance");

    private ExternalBroker() {}

    public static void stop() {
        control("stop");
    }

    public static void start() {
        control("start");
    }

    private static void control(String command) {
        try {
            Process process = new ProcessBuilder("bash", CONTROL, command, INSTANCE)
                    .inheritIO()
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("artemis.sh " + command + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
