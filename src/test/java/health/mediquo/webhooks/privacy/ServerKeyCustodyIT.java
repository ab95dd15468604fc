package health.mediquo.webhooks.privacy;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On WildFly and on a Payara Server domain, the suite's data and digest keys are in the server's custody, set up as
 * docs/wildfly.md and docs/payara-server.md tell an operator: system properties encrypted with an Elytron credential
 * store, or password aliases. The receiver seals and digests with exactly those keys, and neither is in clear in the
 * server's configuration or on its command line.
 */
@ExtendWith(ArquillianExtension.class)
class ServerKeyCustodyIT {

    private static final String SERVER_HOME = System.getProperty("it.server.home");
    private static final Path CONFIGURATION = Path.of(System.getProperty("it.server.config.dir"));
    private static final List<String> KEYS =
            List.of(System.getProperty("it.data.key"), System.getProperty("it.digest.key"));

    @Deployment(testable = false)
    static WebArchive receiver() {
        return ReceiverDeployment.packagedWar();
    }

    @Test
    void theKeysInTheServersCustodySealAndDigestEveryDelivery() {
        String body = soapReport(newPatientCode()).toString();
        Answer answer = Receiver.deliver(body);
        assertEquals(202, answer.status(), answer::toString);
        String delivery = answer.deliveryId();

        Map<String, Object> row = ReceiverDatabase.row("SELECT body, body_digest FROM delivery WHERE id = ?", delivery)
                .orElseThrow();
        assertEquals(body, SuiteKey.open((String) row.get("body"), "it-1", KEYS.get(0), "delivery", "body", delivery));
        assertEquals(SuiteKey.digest(body.getBytes(StandardCharsets.UTF_8)), row.get("body_digest"));
    }

    @Test
    void neitherKeyIsInClearInTheConfigurationOrOnTheCommandLine() {
        List<Path> files = configurationFiles();
        assertFalse(files.isEmpty(), () -> "no configuration in " + CONFIGURATION);
        for (Path file : files) {
            String content = read(file);
            KEYS.forEach(key -> assertFalse(content.contains(key), () -> "a key in clear in " + file));
        }
        List<String> servers = ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .map(process -> process.info().commandLine().orElse(""))
                .filter(line -> line.contains(SERVER_HOME))
                .toList();
        assertFalse(servers.isEmpty(), () -> "no process of the server in " + SERVER_HOME);
        for (String server : servers) {
            KEYS.forEach(key -> assertFalse(server.contains(key), "a key on the server's command line"));
        }
    }

    private static List<Path> configurationFiles() {
        try (Stream<Path> paths = Files.walk(CONFIGURATION)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
