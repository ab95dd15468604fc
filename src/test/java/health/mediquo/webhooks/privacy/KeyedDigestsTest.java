package health.mediquo.webhooks.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedDigestsTest {

    private static final String OLD_KEY = "bWFkZS11cCBvbGQgZGlnZXN0IGtleSwgMzIgYnl0ZXM=";
    private static final String NEW_KEY = "bWFkZS11cCBuZXcgZGlnZXN0IGtleSwgMzIgYnl0ZXM=";
    private static final byte[] BODY = "{\"type\":\"made_up\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyStoredUnderThePreviousKeyIsRecognisedDuringARotation() {
        String storedBefore =
                SuiteKey.digests(List.of("d1"), Map.of("d1", OLD_KEY)).of(BODY).current();

        BodyDigest now = SuiteKey.digests(List.of("d2", "d1"), Map.of("d2", NEW_KEY, "d1", OLD_KEY))
                .of(BODY);

        assertTrue(now.current().startsWith("d2:"), now::toString);
        assertNotEquals(storedBefore, now.current());
        assertEquals(List.of(now.current(), storedBefore), now.recognised());
    }

    @Test
    void theStoredDigestIsNeitherThePlainHashNorMadeWithoutTheKey() throws Exception {
        String plainSha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        String underOld =
                SuiteKey.digests(List.of("d1"), Map.of("d1", OLD_KEY)).of(BODY).current();
        String underNew =
                SuiteKey.digests(List.of("d1"), Map.of("d1", NEW_KEY)).of(BODY).current();

        assertFalse(underOld.contains(plainSha256), underOld);
        assertNotEquals(underOld, underNew, "another key makes another digest of the same body");
    }

    @Test
    void aDigestKeyIsRecognisedByItsCheckValueAndAnotherKeyUnderItsIdIsNot() {
        KeyedDigests registered = SuiteKey.digests(List.of("d1"), Map.of("d1", OLD_KEY));
        String checkValue = registered.checkValue();

        assertTrue(registered.madeWith("d1", checkValue));
        assertFalse(SuiteKey.digests(List.of("d1"), Map.of("d1", NEW_KEY)).madeWith("d1", checkValue));
    }

    @Test
    void noDigestKeyConfiguredFailsClosedNamingTheProperty() {
        InvalidKeyConfiguration refused =
                assertThrows(InvalidKeyConfiguration.class, () -> SuiteKey.digests(List.of(), Map.of()));

        assertTrue(refused.getMessage().contains("mediquo.digest.keys"), refused.getMessage());
    }
}
