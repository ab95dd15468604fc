package health.mediquo.webhooks.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Payara Server domain of the Payara Server execution, which the build created stopped
 * (src/test/infra/payara-server.sh), driven through asadmin. Arquillian's remote adapter only deploys to a running
 * domain: {@link PayaraServerDomainExtension} starts it with the suite and stops it after.
 */
final class PayaraServerDomain implements AdministeredServer {

    private static final String HOME = System.getProperty("it.payara.server.home");
    private static final String DOMAIN = "mediquo";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    static boolean isUnderTest() {
        return HOME != null;
    }

    /** Starts the domain; a domain that failed to start is killed, so that no half-started server holds its ports. */
    static void start() {
        try {
            asadmin(START_TIMEOUT, "start-domain", DOMAIN);
        } catch (IllegalStateException failed) {
            try {
                asadmin(Duration.ofSeconds(60), "stop-domain", "--kill", DOMAIN);
            } catch (IllegalStateException notStopped) {
                failed.addSuppressed(notStopped);
            }
            throw failed;
        }
    }

    static void stop() {
        asadmin(Duration.ofSeconds(60), "stop-domain", DOMAIN);
    }

    /** Stops the domain (its applications first) and starts it again, with the WAR Arquillian deployed. */
    @Override
    public void restart() {
        asadmin(START_TIMEOUT, "restart-domain", DOMAIN);
    }

    /**
     * Payara's own pages: 503 while the database is going away, 404 while the WAR is unloaded or not loaded yet, and
     * 500 to requests in flight when it unloads the WAR: Jersey's servlet then fails to destroy itself (the server has
     * already shut down its service locator), and the request that triggered the unload gets that failure, most often
     * without a body (a known limit, in docs/payara-server.md). The receiver's own 500 is a problem document: never
     * among them.
     */
    @Override
    public Set<String> refusalsDuringRestart() {
        return Set.of("503 text/html", "404 text/html", "500 text/html", "500 without a body");
    }

    private static void asadmin(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(HOME, "bin", "asadmin").toString(),
                "--port",
                System.getProperty("it.payara.server.admin.port")));
        command.addAll(List.of(arguments));
        AdministeredServer.run(timeout, command);
    }
}
