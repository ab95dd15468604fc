package health.mediquo.webhooks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operating-system process of a receiver under test, ended the ways a process ends in production: killed
 * ({@code kill -9}) or asked to stop ({@code SIGTERM}, as Ctrl-C or a rolling restart does). Either the server that
 * Arquillian started for the test class, or another instance of the same WAR, post-boot file and JVM options on a
 * port of its own, as an operator runs several behind a load balancer.
 */
public final class ReceiverProcess implements AutoCloseable {

    private static final String MICRO_JAR = System.getProperty("payara.microJar");
    private static final Duration START_WITHIN = Duration.ofSeconds(300);
    /** What Payara Micro logs when one of its own services fails to boot; the JVM may then linger without serving. */
    private static final String BOOT_FAILED = "Failed to start, exiting";

    private final ProcessHandle process;
    private final URI application;
    private final Path log;
    private final long bootFailuresBefore;

    private ReceiverProcess(ProcessHandle process, int port) {
        this(process, port, null, 0);
    }

    private ReceiverProcess(ProcessHandle process, int port, Path log, long bootFailuresBefore) {
        this.process = process;
        this.application = Receiver.application(port);
        this.log = log;
        this.bootFailuresBefore = bootFailuresBefore;
    }

    /** The Payara Micro that Arquillian started for the running test class. */
    public static ReceiverProcess managedServer() {
        String port = System.getProperty("it.http.port");
        ProcessHandle server = ProcessHandle.current()
                .descendants()
                .filter(child -> child.info()
                        .commandLine()
                        .filter(line -> line.contains(MICRO_JAR) && line.contains("--port " + port + " "))
                        .isPresent())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no receiver of this test JVM listens on " + port));
        return new ReceiverProcess(server, Integer.parseInt(port));
    }

    /**
     * Another instance of the receiver, started like the suite's server, listening on {@code port} and logging to its
     * own file beside the suite server's log; returns once it answers its readiness check.
     */
    public static ReceiverProcess start(int port) {
        return start(port, Map.of());
    }

    /**
     * The same, with these system properties set over the suite's (e.g. other encryption keys). When Payara Micro's own
     * boot fails before the WAR is deployed (seen once: a ConcurrentModificationException among its startup services,
     * with three servers booting on two cores), the instance is started once more, as a supervisor would restart it.
     */
    public static ReceiverProcess start(int port, Map<String, String> systemProperties) {
        return start(port, systemProperties, List.of());
    }

    /** The same, with these options of Payara Micro's after the suite's (e.g. a root directory of its own). */
    public static ReceiverProcess start(int port, Map<String, String> systemProperties, List<String> microOptions) {
        try {
            return startOnce(port, systemProperties, microOptions);
        } catch (BootFailed failed) {
            System.out.println(failed.getMessage() + "; starting it once more");
            return startOnce(port, systemProperties, microOptions);
        }
    }

    private static ReceiverProcess startOnce(
            int port, Map<String, String> systemProperties, List<String> microOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(words(System.getProperty("payara.cmdOptions")));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", MICRO_JAR, "--nocluster", "--deploy", ReceiverDeployment.packagedWarPath()));
        command.addAll(words(System.getProperty("payara.extraMicroOptions")
                .replace("--port " + System.getProperty("it.http.port"), "--port " + port)
                .replace(".log ", "-" + port + ".log ")));
        command.addAll(microOptions);
        Path log = Path.of(command.get(command.indexOf("--logtofile") + 1));
        long bootFailuresBefore = ServerLog.linesMatching(log, line -> line.contains(BOOT_FAILED));
        try {
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            ReceiverProcess receiver = new ReceiverProcess(started.toHandle(), port, log, bootFailuresBefore);
            receiver.awaitReady();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WAR's root on this instance, for {@link Receiver}'s methods that take one. */
    public URI application() {
        return application;
    }

    /** Kills the process at once, as {@code kill -9} does, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Asks the process to stop ({@code SIGTERM}) and returns how long it took to exit. */
    public Duration terminate(Duration within) {
        long start = System.nanoTime();
        process.destroy();
        awaitExit(within);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The process's command line, as anyone on the machine sees it ({@code ps}). */
    public String commandLine() {
        return process.info().commandLine().orElseThrow();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() {
        int ready = Eventually.poll(
                this::readiness, status -> status == 200 || !process.isAlive() || bootFailed(), START_WITHIN);
        if (ready != 200) {
            boolean bootFailed = bootFailed();
            close();
            if (bootFailed) {
                throw new BootFailed("Payara Micro on " + application + " failed to boot (" + log.getFileName() + ")");
            }
            throw new IllegalStateException("the receiver on " + application + " did not become ready: " + ready);
        }
    }

    private boolean bootFailed() {
        return ServerLog.linesMatching(log, line -> line.contains(BOOT_FAILED)) > bootFailuresBefore;
    }

    private static final class BootFailed extends IllegalStateException {
        BootFailed(String message) {
            super(message);
        }
    }

    /**
     * The status of the readiness check once the WAR is deployed (Payara Micro reports ready even when a deployment
     * failed, and its health check then has nothing to check), or 0 while nothing answers.
     */
    private int readiness() {
        try {
            if (Receiver.get(application, "api/deliveries", null).status() != 401) {
                return 0;
            }
            return Receiver.getFromServer(application.resolve("/"), "health/ready", "application/json")
                    .status();
        } catch (UncheckedIOException nothingListensYet) {
            return 0;
        }
    }

    private void awaitExit(Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the receiver on " + application + " did not exit within " + within);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+")).toList();
    }
}
