package health.mediquo.webhooks.receiving;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Typed, validated access to the members of one JSON object. Every failure names the offending field by its full
 * path ({@code payload.patient.code}), so the sender learns exactly what to fix.
 */
public final class JsonFields {

    /** 9999-12-31T23:59:59Z: later instants fit in no SQL timestamp column. */
    private static final BigDecimal LATEST_UNIX_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private final JsonObject object;
    private final String path;

    private JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    public static JsonFields of(JsonObject document) {
        return new JsonFields(document, "");
    }

    /** The member as a string; it may be empty, but at most {@code maxLength} characters. */
    public String string(String name, int maxLength) {
        JsonValue value = required(name);
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidEnvelope(pathOf(name), "must be a string");
        }
        String text = ((JsonString) value).getString();
        if (text.length() > maxLength) {
            throw new InvalidEnvelope(pathOf(name), "must be at most " + maxLength + " characters long");
        }
        return text;
    }

    /** The member as a string that is not blank and at most {@code maxLength} characters. */
    public String text(String name, int maxLength) {
        String text = string(name, maxLength);
        if (text.isBlank()) {
            throw new InvalidEnvelope(pathOf(name), "must not be empty");
        }
        return text;
    }

    public JsonFields object(String name) {
        JsonValue value = required(name);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidEnvelope(pathOf(name), "must be a JSON object");
        }
        return new JsonFields(value.asJsonObject(), pathOf(name));
    }

    /** The member as a UNIX timestamp in seconds, possibly with a fraction. */
    public Instant unixTime(String name) {
        JsonValue value = required(name);
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidEnvelope(pathOf(name), "must be a number (UNIX seconds)");
        }
        BigDecimal seconds = ((JsonNumber) value).bigDecimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(LATEST_UNIX_SECONDS) > 0) {
            throw new InvalidEnvelope(pathOf(name), "must be a UNIX time between 0 and " + LATEST_UNIX_SECONDS);
        }
        long millis = seconds.movePointRight(3).longValue();
        return Instant.ofEpochMilli(millis);
    }

    /** The object itself as compact JSON text. */
    public String json() {
        return object.toString();
    }

    private JsonValue required(String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidEnvelope(pathOf(name), "is required");
        }
        return value;
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
