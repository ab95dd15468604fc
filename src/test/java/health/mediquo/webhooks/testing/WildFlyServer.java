package health.mediquo.webhooks.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The WildFly of the WildFly execution, driven through its own CLI as an operator drives it. */
public final class WildFlyServer {

    private static final Path CLI = Path.of(System.getProperty("it.wildfly.home"), "bin", "jboss-cli.sh");
    private static final String CONTROLLER = "127.0.0.1:" + System.getProperty("it.wildfly.management.port");

    private WildFlyServer() {}

    /**
     * Reloads the server in place, gracefully: it is suspended first (new requests are refused with a 503, those in
     * flight finish, for at most 10 s), then every service stops and starts again, the data source, the broker and the
     * deployment included. Returns once the server runs again.
     */
    public static void reload() {
        try {
            Process cli = new ProcessBuilder(
                            CLI.toString(),
                            "--connect",
                            "--controller=" + CONTROLLER,
                            "--commands=:suspend(suspend-timeout=10),reload")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new IllegalStateException("jboss-cli reload failed or timed out");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
