package health.mediquo.webhooks.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The WildFly of the WildFly execution, driven through jboss-cli. */
final class WildFlyServer implements AdministeredServer {

    private static final Path CLI = Path.of(System.getProperty("it.wildfly.home"), "bin", "jboss-cli.sh");
    private static final String CONTROLLER = "127.0.0.1:" + System.getProperty("it.wildfly.management.port");

    /**
     * Reloads the server gracefully: it is suspended first (new requests are refused with a 503, those in flight
     * finish, for at most 10 s), then every service stops and starts again.
     */
    @Override
    public void restart() {
        AdministeredServer.run(
                Duration.ofSeconds(120),
                List.of(
                        CLI.toString(),
                        "--connect",
                        "--controller=" + CONTROLLER,
                        "--commands=:suspend(suspend-timeout=10),reload"));
    }

    /**
     * WildFly's own 503 page while suspended; between the application's stop and the listener's, its own 404 page (a
     * known limit, in the README).
     */
    @Override
    public Set<String> refusalsDuringRestart() {
        return Set.of("503 text/html", "404 text/html");
    }
}
