package health.mediquo.webhooks.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW_KEY =
            Base64.getEncoder().encodeToString("made-up key of thirty-two bytes!".getBytes());
    private static final String NOTE = "Made-up complaint: headache for three days";
    private static final SealedPlace PLACE = new SealedPlace("patient_report", "subjective", "row-1");

    @Test
    void sealedTextNamesItsKeyAndHoldsNoClearText() {
        String sealed = cipher(List.of("k1"), Map.of("k1", OLD_KEY)).seal(NOTE, PLACE);

        assertTrue(sealed.startsWith("k1@"), sealed);
        assertFalse(sealed.contains("headache"), sealed);
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        FieldCipher cipher = cipher(List.of("k1"), Map.of("k1", OLD_KEY));

        assertNotEquals(cipher.seal(NOTE, PLACE), cipher.seal(NOTE, PLACE));
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheCurrentKey() {
        String sealedBefore = cipher(List.of("k1"), Map.of("k1", OLD_KEY)).seal(NOTE, PLACE);
        FieldCipher rotated = cipher(List.of("k2", "k1"), Map.of("k1", OLD_KEY, "k2", NEW_KEY));

        assertEquals(NOTE, rotated.open(sealedBefore, PLACE));
        assertFalse(rotated.isCurrent(sealedBefore));
        assertTrue(rotated.isCurrent(rotated.seal(NOTE, PLACE)));
    }

    @Test
    void aValueSealedUnderAnotherKeyOfTheSameIdDoesNotOpen() {
        String sealed = cipher(List.of("k1"), Map.of("k1", OLD_KEY)).seal(NOTE, PLACE);

        assertThrows(
                UnreadableCiphertext.class,
                () -> cipher(List.of("k1"), Map.of("k1", NEW_KEY)).open(sealed, PLACE));
    }

    @Test
    void aValueRelabelledWithAnotherKeyIdDoesNotOpen() {
        FieldCipher cipher = cipher(List.of("k1", "k2"), Map.of("k1", OLD_KEY, "k2", OLD_KEY));
        String relabelled = "k2" + cipher.seal(NOTE, PLACE).substring(2);

        assertThrows(UnreadableCiphertext.class, () -> cipher.open(relabelled, PLACE));
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        FieldCipher cipher = cipher(List.of("k1"), Map.of("k1", OLD_KEY));
        byte[] sealed = Base64.getDecoder().decode(cipher.seal(NOTE, PLACE).substring("k1@".length()));
        sealed[sealed.length / 2] ^= 1;
        String altered = "k1@" + Base64.getEncoder().encodeToString(sealed);

        assertThrows(UnreadableCiphertext.class, () -> cipher.open(altered, PLACE));
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpenAndTheErrorNamesThePlace() {
        FieldCipher cipher = cipher(List.of("k1"), Map.of("k1", OLD_KEY));
        String sealed = cipher.seal(NOTE, PLACE);
        SealedPlace otherRow = new SealedPlace("patient_report", "subjective", "row-2");
        SealedPlace otherColumn = new SealedPlace("patient_report", "plan", "row-1");

        UnreadableCiphertext refused = assertThrows(UnreadableCiphertext.class, () -> cipher.open(sealed, otherRow));
        assertThrows(UnreadableCiphertext.class, () -> cipher.open(sealed, otherColumn));
        assertTrue(refused.getMessage().contains("patient_report.subjective of row row-2"), refused.getMessage());
        assertEquals(NOTE, cipher.open(sealed, PLACE));
    }

    @Test
    void aValueSealedBeforeValuesWereBoundStillOpensAndIsNotCurrent() {
        FieldCipher cipher = cipher(List.of("k1"), Map.of("k1", OLD_KEY));
        String unbound = SuiteKey.sealedAsBeforeBinding("k1", OLD_KEY, NOTE);

        assertEquals(NOTE, cipher.open(unbound, PLACE));
        assertFalse(cipher.isCurrent(unbound), "re-encryption binds it");
    }

    @Test
    void clearTextInTheDatabaseIsRefusedWithoutBeingQuoted() {
        FieldCipher cipher = cipher(List.of("k1"), Map.of("k1", OLD_KEY));
        for (String clearText : List.of(NOTE, "Complaint: made-up headache")) {
            UnreadableCiphertext refused =
                    assertThrows(UnreadableCiphertext.class, () -> cipher.open(clearText, PLACE));

            assertFalse(refused.getMessage().contains("omplaint"), refused.getMessage());
        }
    }

    @Test
    void noKeyConfiguredFailsClosed() {
        InvalidKeyConfiguration refused =
                assertThrows(InvalidKeyConfiguration.class, () -> cipher(List.of(), Map.of()));

        assertTrue(refused.getMessage().contains("mediquo.encryption.keys"), refused.getMessage());
    }

    @Test
    void aListedKeyWithoutMaterialFailsClosedNamingItsProperty() {
        InvalidKeyConfiguration refused =
                assertThrows(InvalidKeyConfiguration.class, () -> cipher(List.of("k2", "k1"), Map.of("k2", NEW_KEY)));

        assertTrue(refused.getMessage().contains("mediquo.encryption.key.k1"), refused.getMessage());
    }

    @Test
    void aKeyOfTheWrongLengthFailsClosedWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        InvalidKeyConfiguration refused =
                assertThrows(InvalidKeyConfiguration.class, () -> cipher(List.of("k1"), Map.of("k1", shortKey)));

        assertTrue(refused.getMessage().contains("32 bytes"), refused.getMessage());
        assertFalse(refused.getMessage().contains(shortKey), refused.getMessage());
    }

    @Test
    void aKeyIdThatCouldNotBeStoredSafelyIsRefused() {
        assertThrows(InvalidKeyConfiguration.class, () -> cipher(List.of("k_1"), Map.of("k_1", OLD_KEY)));
    }

    private static FieldCipher cipher(List<String> ids, Map<String, String> keysById) {
        FieldCipher cipher = new FieldCipher();
        cipher.use(SuiteKey.ring(KeyUse.SEALING, ids, keysById));
        return cipher;
    }
}
