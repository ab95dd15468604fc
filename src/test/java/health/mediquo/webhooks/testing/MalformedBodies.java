package health.mediquo.webhooks.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Bodies no receiver may accept, generated from a seed so that a failure can be replayed: truncated JSON, wrong types,
 * huge strings, deep nesting, invalid UTF-8, nulls, duplicate keys, numbers out of range, and plain noise. Every
 * body is built from a valid delivery, so each one probes a single way of being wrong.
 */
public final class MalformedBodies {

    /** The members of a valid delivery a sender could get wrong, as JSON pointers. */
    private static final List<String> MEMBERS = List.of(
            "/type",
            "/occurred_on",
            "/payload",
            "/payload/type",
            "/payload/content",
            "/payload/content/subjective",
            "/payload/content/objective",
            "/payload/content/assessment",
            "/payload/content/plan",
            "/payload/patient",
            "/payload/patient/code");

    private static final List<String> OUT_OF_RANGE_TIMES = List.of(
            "-1",
            "-0.001",
            "1e400",
            "-1e400",
            "253402300800",
            "99999999999999999999999999999",
            "1" + "0".repeat(1200),
            "0.1e99999",
            "9223372036854775808");

    private final Random random;

    public MalformedBodies(long seed) {
        this.random = new Random(seed);
    }

    /** A body of each kind in turn, {@code count} in all. */
    public List<byte[]> generate(int count) {
        List<Function<JsonObject, byte[]>> kinds = List.of(
                this::truncated,
                this::wrongType,
                this::hugeString,
                this::deeplyNested,
                this::invalidUtf8,
                this::nullMember,
                this::duplicateKey,
                this::timeOutOfRange,
                this::noise);
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(kinds.get(i % kinds.size()).apply(valid()));
        }
        return bodies;
    }

    private JsonObject valid() {
        return Deliveries.soapReport(Deliveries.newPatientCode());
    }

    private byte[] truncated(JsonObject delivery) {
        byte[] whole = utf8(delivery.toString());
        return Arrays.copyOf(whole, random.nextInt(whole.length - 1));
    }

    private byte[] wrongType(JsonObject delivery) {
        String member = pick(MEMBERS);
        JsonValue current = Json.createPointer(member).getValue(delivery);
        JsonValue wrong;
        do {
            wrong = pick(List.of(
                    Json.createValue(random.nextInt()),
                    Json.createValue("text"),
                    Json.createArrayBuilder().add(1).build(),
                    Json.createObjectBuilder().build(),
                    JsonValue.TRUE,
                    JsonValue.FALSE));
        } while (wrong.getValueType() == current.getValueType()
                || (member.equals("/occurred_on") && wrong.getValueType() == JsonValue.ValueType.NUMBER));
        return utf8(Deliveries.with(delivery, member, wrong).toString());
    }

    private byte[] hugeString(JsonObject delivery) {
        String member = pick(List.of("/type", "/payload/type", "/payload/patient/code", "/payload/content/plan"));
        int limit = member.endsWith("plan") ? 65_536 : member.endsWith("code") ? 255 : 100;
        String huge = "x".repeat(limit + 1 + random.nextInt(limit));
        return utf8(Deliveries.with(delivery, member, Json.createValue(huge)).toString());
    }

    private byte[] deeplyNested(JsonObject delivery) {
        int depth = 33 + random.nextInt(5_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String text = delivery.toString();
        int content = text.indexOf("\"content\":") + "\"content\":".length();
        return utf8(text.substring(0, content) + open.repeat(depth) + "{}" + close.repeat(depth)
                + text.substring(text.indexOf('}', content) + 1));
    }

    private byte[] invalidUtf8(JsonObject delivery) {
        byte[] text = utf8(delivery.toString());
        byte[][] invalid = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}
        };
        byte[] bad = invalid[random.nextInt(invalid.length)];
        int at = text.length / 2 + random.nextInt(text.length / 2 - 1);
        byte[] body = new byte[text.length + bad.length];
        System.arraycopy(text, 0, body, 0, at);
        System.arraycopy(bad, 0, body, at, bad.length);
        System.arraycopy(text, at, body, at + bad.length, text.length - at);
        return body;
    }

    private byte[] nullMember(JsonObject delivery) {
        if (random.nextInt(10) == 0) {
            return utf8(pick(List.of("null", "{}", "[]", "\"\"", "0", "true")));
        }
        return utf8(Deliveries.with(delivery, pick(MEMBERS), JsonValue.NULL).toString());
    }

    private byte[] duplicateKey(JsonObject delivery) {
        String text = delivery.toString();
        String key = pick(List.of("\"type\":", "\"occurred_on\":", "\"payload\":", "\"plan\":", "\"code\":"));
        int at = text.indexOf(key);
        int end = switch (key) {
            case "\"payload\":" -> text.lastIndexOf('}');
            case "\"occurred_on\":" -> text.indexOf(',', at);
            default -> text.indexOf('"', at + key.length() + 1) + 1;
        };
        String member = text.substring(at, end);
        return utf8(text.substring(0, at) + member + "," + text.substring(at));
    }

    private byte[] timeOutOfRange(JsonObject delivery) {
        String text = delivery.toString();
        int start = text.indexOf("\"occurred_on\":") + "\"occurred_on\":".length();
        int end = text.indexOf(',', start);
        return utf8(text.substring(0, start) + pick(OUT_OF_RANGE_TIMES) + text.substring(end));
    }

    private byte[] noise(JsonObject delivery) {
        byte[] bytes = new byte[1 + random.nextInt(512)];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
            return bytes;
        }
        String tokens = "{}[],:\"0123456789.eE+-truefalsenull \\u";
        IntStream.range(0, bytes.length).forEach(i -> bytes[i] = (byte) tokens.charAt(random.nextInt(tokens.length())));
        return bytes;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
