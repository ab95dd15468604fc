package health.mediquo.webhooks.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The full application server of the execution (WildFly, or a Payara Server domain), driven through its own
 * administration CLI as an operator drives it.
 */
public sealed interface AdministeredServer permits WildFlyServer, PayaraServerDomain {

    /**
     * Restarts the server in place, as an operator does after a configuration change: the data source, the broker and
     * the deployment stop and start again. Returns once the server runs again; the WAR may still be loading.
     */
    void restart();

    /**
     * The answers, as LossAudit names them, that this server itself may give a sender while it restarts, besides the
     * receiver's acknowledgements and no connection at all. None of them acknowledges anything: MediQuo retries.
     */
    Set<String> refusalsDuringRestart();

    /** The server of this failsafe execution. */
    static AdministeredServer ofThisExecution() {
        if (System.getProperty("it.wildfly.home") != null) {
            return new WildFlyServer();
        }
        if (PayaraServerDomain.isUnderTest()) {
            return new PayaraServerDomain();
        }
        throw new IllegalStateException("this execution runs on Payara Micro, which has no administration CLI");
    }

    /** Runs an administration command to its end, at most for the time given, and fails unless it succeeds. */
    static void run(Duration timeout, List<String> command) {
        try {
            Process cli = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!cli.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new IllegalStateException("failed or timed out: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
