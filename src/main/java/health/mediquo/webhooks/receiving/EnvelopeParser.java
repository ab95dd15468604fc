package health.mediquo.webhooks.receiving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/** Parses a body, once, into the envelope every event shares. */
@ApplicationScoped
public class EnvelopeParser {

    static final int MAX_TYPE_LENGTH = 100;

    /** Levels of nesting a body may have: far deeper than any report needs (a SOAP note is 3 levels), far shallower than a parser's stack can take. */
    static final int MAX_DEPTH = 32;

    /**
     * A JSON object with a key twice is ambiguous: refuse it rather than guess which value MediQuo meant. The standard
     * key strategy is not honoured by every JSON-P provider's parser, hence also Parsson's own switch.
     */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY,
            JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.rejectDuplicateKeys",
            true,
            "org.eclipse.parsson.maxDepth",
            MAX_DEPTH + 1));

    public Envelope parse(String body) {
        JsonValue document = readJson(body);
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidEnvelope("(root)", "must be a JSON object");
        }
        JsonFields event = JsonFields.of(document.asJsonObject());
        return new Envelope(
                event.text("type", MAX_TYPE_LENGTH), event.unixTime("occurred_on"), event.object("payload"));
    }

    /**
     * What an invalid envelope still tells about itself, so that a rejected delivery can be listed by type and time.
     *
     * @param body a JSON document, one that {@link #parse} found invalid
     */
    public Heading heading(String body) {
        JsonValue document = readJson(body);
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            return new Heading(null, null);
        }
        JsonFields event = JsonFields.of(document.asJsonObject());
        return new Heading(
                validOrNull(() -> event.text("type", MAX_TYPE_LENGTH)),
                validOrNull(() -> event.unixTime("occurred_on")));
    }

    /** The type and time of an envelope, each null unless it is valid itself. */
    public record Heading(String type, Instant occurredOn) {}

    private static <T> T validOrNull(Supplier<T> member) {
        try {
            return member.get();
        } catch (InvalidEnvelope invalid) {
            return null;
        }
    }

    private static JsonValue readJson(String body) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
            parser.next();
            JsonValue document = parser.getValue();
            if (parser.hasNext()) {
                throw new MalformedBody("The body holds more than one JSON document.");
            }
            return document;
        } catch (RuntimeException e) {
            // JsonException for syntax, but Parsson signals some limits (nesting) with a bare RuntimeException.
            throw new MalformedBody("The body is not a single well-formed JSON document.");
        }
    }
}
