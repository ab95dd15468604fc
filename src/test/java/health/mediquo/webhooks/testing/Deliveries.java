package health.mediquo.webhooks.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonPointer;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Made-up deliveries for tests; each one is unique unless a test repeats it on purpose. */
public final class Deliveries {

    private static final AtomicLong CLOCK = new AtomicLong(1_704_063_600L);

    private Deliveries() {}

    /** The example event of MediQuo's documentation, byte for byte as shared/contract/ holds it. */
    public static byte[] documentationExample() {
        try {
            return Files.readAllBytes(
                    Path.of(System.getProperty("it.contract.dir"), "samples", "patient_report_sent.soap.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String newPatientCode() {
        return "test-patient-" + UUID.randomUUID();
    }

    public static JsonObject soapReport(String patientCode) {
        return reportSent(
                "soap",
                Json.createObjectBuilder()
                        .add("subjective", "Made-up complaint " + UUID.randomUUID())
                        .add("objective", "Made-up vital signs")
                        .add("assessment", "Made-up assessment")
                        .add("plan", "Made-up plan"),
                patientCode);
    }

    public static JsonObject reportSent(String reportType, JsonObjectBuilder content, String patientCode) {
        return event(
                "patient_report_sent",
                Json.createObjectBuilder()
                        .add("type", reportType)
                        .add("content", content)
                        .add("patient", Json.createObjectBuilder().add("code", patientCode)));
    }

    /** An event of any type, with a fresh occurred_on so that no two bodies are the same. */
    public static JsonObject event(String type, JsonObjectBuilder payload) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("occurred_on", CLOCK.incrementAndGet())
                .add("payload", payload)
                .build();
    }

    /** The same object with the member at the JSON pointer set to {@code value}, or removed when it is null. */
    public static JsonObject with(JsonObject object, String pointer, JsonValue value) {
        JsonPointer member = Json.createPointer(pointer);
        return value == null ? member.remove(object) : member.add(object, value);
    }
}
