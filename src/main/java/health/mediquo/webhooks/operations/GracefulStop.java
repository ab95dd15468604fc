package health.mediquo.webhooks.operations;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops a receiver that has its server process to itself (Payara Micro) on SIGTERM or SIGINT (a rolling restart,
 * Ctrl-C): new requests are refused with a 503, the requests already let in finish with their real answer, then the
 * process ends at once, the way {@code kill -9} does, which loses nothing committed. The server's own shutdown is
 * skipped on purpose: it undeploys the application while its HTTP listener still accepts requests, and in that window
 * Payara Micro answered error pages and even an empty 200 to a delivery it never stored. Off by default
 * ({@code mediquo.shutdown.drain-seconds} 0), as on a server shared with other applications, whose own shutdown must
 * run.
 */
@WebListener
public class GracefulStop implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    private static final int FIRST_EXIT_STATUS_FOR_A_SIGNAL = 128;

    private final Stopping stopping = new Stopping();

    @Inject
    @ConfigProperty(name = "mediquo.shutdown.drain-seconds", defaultValue = "0")
    int drainSeconds;

    private final Map<Signal, SignalHandler> previous = new ConcurrentHashMap<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(Stopping.ATTRIBUTE, stopping);
        if (drainSeconds > 0) {
            for (String name : new String[] {"TERM", "INT"}) {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, this::drainThenExit);
                if (before == SignalHandler.SIG_IGN) {
                    Signal.handle(signal, before); // e.g. SIGINT of a process started in the background
                } else {
                    previous.put(signal, before);
                }
            }
        }
    }

    /** An undeployed application must not stay the JVM's signal handler. */
    @Override
    public void contextDestroyed(ServletContextEvent event) {
        previous.forEach(Signal::handle);
        previous.clear();
    }

    private void drainThenExit(Signal signal) {
        long start = System.nanoTime();
        try {
            int unanswered = stopping.refuseAndDrain(Duration.ofSeconds(drainSeconds));
            LOG.info(() -> "SIG%s: new requests refused; requests in flight answered in %d ms, %d left unanswered"
                    .formatted(signal.getName(), (System.nanoTime() - start) / 1_000_000, unanswered));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
        Runtime.getRuntime().halt(FIRST_EXIT_STATUS_FOR_A_SIGNAL + signal.getNumber());
    }
}
