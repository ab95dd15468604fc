package health.mediquo.webhooks.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.mediquo.webhooks.testing.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every execution's suite (its own failsafe execution) and reads every line their servers logged, for
 * clinical text, patient codes, secrets, keys, passwords, credential headers and other header values. A finding names the file, the line
 * and the kind of value, never the value.
 */
class ServerLogAuditIT {

    private static final Path LOGS = Path.of(System.getProperty("it.server.logs"));
    private static final String SERVER_LOG = "it-server-([a-z]+(?:-\\d+)?)\\.log(?:\\.\\d+)?";
    /** The log folders of the full servers' executions, by execution; each holds server.log and its rotations. */
    private static final Map<String, Path> FULL_SERVER_LOGS = Map.of(
            "wildfly", Path.of(System.getProperty("it.wildfly.log.dir")),
            "payara-server", Path.of(System.getProperty("it.payara.server.log.dir")));

    private static final String FULL_SERVER_LOG = "server\\.log(?:[._].+)?";

    @Test
    void noServerLogLineOfTheWholeSuiteHoldsHealthDataOrSecrets() {
        Map<String, String> forbidden = forbiddenValues();
        List<Path> logs = serverLogs();
        List<String> findings = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            List<String> text = readLines(log);
            lines += text.size();
            for (int number = 0; number < text.size(); number++) {
                String line = text.get(number);
                for (Map.Entry<String, String> value : forbidden.entrySet()) {
                    if (line.contains(value.getKey())) {
                        findings.add(log.getFileName() + ":" + (number + 1) + " holds " + value.getValue());
                    }
                }
            }
        }

        assertTrue(
                logs.stream()
                        .map(ServerLogAuditIT::topology)
                        .toList()
                        .containsAll(List.of("embedded", "production", "wildfly", "payara-server")),
                () -> "a log of each topology's server: " + logs);
        assertTrue(lines > 1_000, "the suite's servers logged " + lines + " lines");
        assertEquals(List.of(), findings);
    }

    /** Value → what it is. */
    private static Map<String, String> forbiddenValues() {
        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("Made-up", "clinical text of a test report");
        forbidden.put("made-up", "clinical text of a test report");
        forbidden.put("test-patient-", "a test patient code");
        forbidden.put("eyJ", "a JWT (base64 of {\")");
        forbidden.put("msg_", "a header value (the tests' webhook-id)");
        for (String text : documentationClinicalText()) {
            forbidden.put(text, "clinical text of the documentation's example");
        }
        for (String secret : TestSecrets.all()) {
            forbidden.put(secret, "a secret, key, password or credential header");
        }
        return forbidden;
    }

    private static List<String> documentationClinicalText() {
        Path example = Path.of(System.getProperty("it.contract.dir"), "samples", "patient_report_sent.soap.json");
        try (InputStream in = Files.newInputStream(example)) {
            JsonObject content =
                    Json.createReader(in).readObject().getJsonObject("payload").getJsonObject("content");
            return content.values().stream()
                    .filter(value -> value.getValueType() == JsonValue.ValueType.STRING)
                    .map(value -> ((JsonString) value).getString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Payara Micro's logs in the build folder, and those of the full servers' executions. */
    private static List<Path> serverLogs() {
        return Stream.concat(
                        filesIn(LOGS, SERVER_LOG),
                        FULL_SERVER_LOGS.values().stream().flatMap(folder -> filesIn(folder, FULL_SERVER_LOG)))
                .sorted()
                .toList();
    }

    private static Stream<Path> filesIn(Path folder, String namePattern) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches(namePattern)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The topology of the server that wrote the log: embedded, production, production-PORT for another instance,
     * wildfly or payara-server.
     */
    private static String topology(Path log) {
        for (Map.Entry<String, Path> server : FULL_SERVER_LOGS.entrySet()) {
            if (log.startsWith(server.getValue())) {
                return server.getKey();
            }
        }
        Matcher name = Pattern.compile(SERVER_LOG).matcher(log.getFileName().toString());
        return name.matches() ? name.group(1) : "";
    }

    private static List<String> readLines(Path log) {
        try {
            // Decoded leniently: a line the logger mangled must still be read, not fail the audit.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
