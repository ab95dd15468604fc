package health.mediquo.webhooks.privacy;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro reads the data key and the digest key from password aliases of its root directory ({@code --rootdir}),
 * stored there with {@code server-config/payara-micro-password-alias.sh} as the README shows: the receiver seals and
 * digests with exactly those keys, which are neither in its command line nor in its configuration files. A receiver
 * of its own on the suite's port (this class deploys nothing through Arquillian); the rows it made are removed after.
 */
class PasswordAliasKeysIT {

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "it-password-aliases");
    private static final Path ALIAS_SCRIPT = Path.of("server-config", "payara-micro-password-alias.sh");
    private static final int PORT = Integer.parseInt(System.getProperty("it.http.port"));

    @Test
    void dataAndDigestKeysAreReadFromPasswordAliases() {
        String dataKey = newKey();
        String digestKey = newKey();
        deleteRecursively(ROOT);
        storeAlias("mediquo.encryption.key.it-alias", dataKey);
        storeAlias("mediquo.digest.key.it-dalias", digestKey);
        String body = soapReport(newPatientCode()).toString();

        String delivery;
        try (ReceiverProcess receiver = ReceiverProcess.start(
                PORT,
                Map.of("mediquo.encryption.keys", "it-alias,it-1", "mediquo.digest.keys", "it-dalias,it-d1"),
                List.of("--rootdir", ROOT.toString()))) {
            assertFalse(receiver.commandLine().contains(dataKey), "the data key is not on the command line");
            assertFalse(receiver.commandLine().contains(digestKey), "the digest key is not on the command line");
            Answer answer = Receiver.deliverTo(receiver.application(), body);
            assertEquals(202, answer.status(), answer::toString);
            delivery = answer.deliveryId();
        }
        try {
            Map<String, Object> row = ReceiverDatabase.row(
                            "SELECT body, body_digest FROM delivery WHERE id = ?", delivery)
                    .orElseThrow();
            String sealed = (String) row.get("body");
            assertTrue(sealed.startsWith("it-alias@"), "sealed under the alias's key id");
            assertEquals(body, SuiteKey.open(sealed, "it-alias", dataKey, "delivery", "body", delivery));
            assertEquals(
                    SuiteKey.digests(List.of("it-dalias"), Map.of("it-dalias", digestKey))
                            .of(body.getBytes(StandardCharsets.UTF_8))
                            .current(),
                    row.get("body_digest"));
            assertKeysNotInTheConfiguration(List.of(dataKey, digestKey));
        } finally {
            ReceiverDatabase.execute("DELETE FROM notification WHERE delivery_id = ?", delivery);
            ReceiverDatabase.execute("DELETE FROM patient_report WHERE delivery_id = ?", delivery);
            ReceiverDatabase.execute("DELETE FROM delivery WHERE id = ?", delivery);
            ReceiverDatabase.execute("DELETE FROM encryption_key WHERE id = 'it-alias'");
            ReceiverDatabase.execute("DELETE FROM digest_key WHERE id = 'it-dalias'");
        }
    }

    /** Every file Payara Micro wrote into its root directory, but the alias store. */
    private static void assertKeysNotInTheConfiguration(List<String> keys) {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> configuration = files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("domain-passwords"))
                    .toList();
            assertTrue(configuration.stream().anyMatch(file -> file.endsWith("domain.xml")), configuration::toString);
            for (Path file : configuration) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                keys.forEach(key -> assertFalse(content.contains(key), () -> "a key in " + file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the README shows: the key on the script's standard input. */
    private static void storeAlias(String alias, String key) {
        try {
            Process script = new ProcessBuilder("bash", ALIAS_SCRIPT.toString(), ROOT.toString(), alias)
                    .redirectErrorStream(true)
                    .start();
            script.getOutputStream().write((key + "\n").getBytes(StandardCharsets.UTF_8));
            script.getOutputStream().close();
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, script.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
