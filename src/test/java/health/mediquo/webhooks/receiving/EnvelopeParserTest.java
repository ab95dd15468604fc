package health.mediquo.webhooks.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeParserTest {

    private final EnvelopeParser parser = new EnvelopeParser();

    @Test
    void envelopeGivesTypeTimeAndPayload() {
        Envelope envelope = parser.parse(
                "{\"type\":\"patient_report_sent\",\"occurred_on\":1704063600," + "\"payload\":{\"type\":\"soap\"}}");

        assertEquals("patient_report_sent", envelope.type());
        assertEquals(Instant.ofEpochSecond(1_704_063_600L), envelope.occurredOn());
        assertEquals("soap", envelope.payload().text("type", 10));
    }

    @Test
    void fractionalUnixTimeKeepsItsMilliseconds() {
        Envelope envelope = parser.parse("{\"type\":\"t\",\"occurred_on\":1704063600.25,\"payload\":{}}");

        assertEquals(Instant.ofEpochMilli(1_704_063_600_250L), envelope.occurredOn());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "{",
                "nul",
                "{\"type\":}",
                "{} {}",
                "{}]",
                "{\"type\":\"a\",\"type\":\"b\"}",
                "{\"type\":\"t\",\"occurred_on\":1,\"payload\":{\"k\":1,\"k\":1}}"
            })
    void textThatIsNotExactlyOneUnambiguousJsonDocumentIsMalformed(String body) {
        assertThrows(MalformedBody.class, () -> parser.parse(body));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                                                        | (root)",
                "\"text\"                                                  | (root)",
                "{\"occurred_on\":1,\"payload\":{}}                        | type",
                "{\"type\":\" \",\"occurred_on\":1,\"payload\":{}}         | type",
                "{\"type\":null,\"occurred_on\":1,\"payload\":{}}          | type",
                "{\"type\":\"t\",\"payload\":{}}                           | occurred_on",
                "{\"type\":\"t\",\"occurred_on\":\"1\",\"payload\":{}}     | occurred_on",
                "{\"type\":\"t\",\"occurred_on\":-1,\"payload\":{}}        | occurred_on",
                "{\"type\":\"t\",\"occurred_on\":1e300,\"payload\":{}}     | occurred_on",
                "{\"type\":\"t\",\"occurred_on\":1}                        | payload",
                "{\"type\":\"t\",\"occurred_on\":1,\"payload\":[]}         | payload"
            })
    void validJsonThatIsNoEnvelopeNamesTheField(String body, String field) {
        InvalidEnvelope invalid = assertThrows(InvalidEnvelope.class, () -> parser.parse(body));

        assertEquals(field, invalid.field());
    }

    @Test
    void overlongTypeIsRefused() {
        String body = "{\"type\":\"" + "t".repeat(101) + "\",\"occurred_on\":1,\"payload\":{}}";

        assertEquals(
                "type",
                assertThrows(InvalidEnvelope.class, () -> parser.parse(body)).field());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "{\"type\":\"t\",\"occurred_on\":1,\"payload\":[]}         | t | 1970-01-01T00:00:01Z",
                "{\"type\":\"t\",\"occurred_on\":-1,\"payload\":{}}        | t | -",
                "{\"occurred_on\":1,\"payload\":{}}                        | - | 1970-01-01T00:00:01Z",
                "{\"type\":7}                                              | - | -",
                "[]                                                        | - | -"
            })
    void theHeadingOfAnInvalidEnvelopeKeepsWhatIsValid(String body, String type, String occurredOn) {
        EnvelopeParser.Heading heading = parser.heading(body);

        assertEquals(type, heading.type());
        assertEquals(occurredOn == null ? null : Instant.parse(occurredOn), heading.occurredOn());
    }

    @Test
    void nestingUpToTheLimitIsAcceptedAndDeeperIsMalformed() {
        String allowed = nestedPayload(EnvelopeParser.MAX_DEPTH - 1);
        String tooDeep = nestedPayload(EnvelopeParser.MAX_DEPTH);

        assertEquals("t", parser.parse(allowed).type());
        assertThrows(MalformedBody.class, () -> parser.parse(tooDeep));
    }

    /** An envelope whose payload holds arrays nested so that the document is {@code depth + 1} levels deep. */
    private static String nestedPayload(int depth) {
        return "{\"type\":\"t\",\"occurred_on\":1,\"payload\":{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1)
                + "}}";
    }
}
