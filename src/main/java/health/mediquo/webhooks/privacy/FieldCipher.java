package health.mediquo.webhooks.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.eclipse.microprofile.config.Config;

/**
 * Seals text with AES-256-GCM under the current key and opens it under whichever configured key sealed it. A sealed
 * value reads {@code KEYID@BASE64(nonce ‖ ciphertext ‖ tag)}; the key id and the value's place (table, column, row)
 * are authenticated with the text, so a value neither passes as sealed under another key nor opens in another place.
 * Values sealed before values were bound to their place read {@code KEYID:BASE64…} and authenticate the key id
 * alone; they still open, and re-encryption binds them.
 */
@ApplicationScoped
public class FieldCipher extends ConfiguredKeys {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final char BOUND = '@';
    private static final char UNBOUND = ':';

    private final SecureRandom nonces = new SecureRandom();

    @Inject
    Config config;

    @PostConstruct
    void useConfiguredKeys() {
        use(KeyRing.configured(KeyUse.SEALING, config));
    }

    @Override
    public String registerTable() {
        return "encryption_key";
    }

    @Override
    public String checkValue() {
        return seal(CHECK_TEXT, checkPlace(keys().currentId()));
    }

    @Override
    public boolean madeWith(String id, String checkValue) {
        try {
            return keyIdOf(checkValue).equals(id) && CHECK_TEXT.equals(open(checkValue, checkPlace(id)));
        } catch (UnreadableCiphertext e) {
            return false;
        }
    }

    private static SealedPlace checkPlace(String keyId) {
        return new SealedPlace("encryption_key", "check_value", keyId);
    }

    /** The text sealed for its place; null stays null. */
    public String seal(String text, SealedPlace place) {
        if (text == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        nonces.nextBytes(nonce);
        String keyId = keys().currentId();
        byte[] sealed = run(
                Cipher.ENCRYPT_MODE,
                keys().current(),
                boundData(keyId, place),
                nonce,
                text.getBytes(StandardCharsets.UTF_8),
                place);
        ByteBuffer stored =
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return keyId + BOUND + Base64.getEncoder().encodeToString(stored.array());
    }

    /**
     * The clear text of a value stored at this place; null stays null.
     *
     * @throws UnreadableCiphertext naming the place (never the value) when no configured key opens it there
     */
    public String open(String stored, SealedPlace place) {
        if (stored == null) {
            return null;
        }
        String keyId = keyIdOf(stored);
        if (!KeyRing.isValidId(keyId)) {
            // Never echo what precedes the separator: in a value stored unsealed it would be clinical text.
            throw new UnreadableCiphertext(place, "is not sealed: it names no key.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableCiphertext(place, "is not sealed: it is not base64.");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableCiphertext(place, "is truncated.");
        }
        // Only now does what precedes the separator look like a key id, and not like the first word of clear text.
        SecretKey key = keys().byId(keyId)
                .orElseThrow(() -> new UnreadableCiphertext(
                        place,
                        "is sealed with the key '" + keyId + "', which is not configured ("
                                + KeyUse.SEALING.idsProperty() + ")."));
        byte[] authenticated = stored.charAt(keyId.length()) == BOUND
                ? boundData(keyId, place)
                : keyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, key, authenticated, nonce, sealed, place), StandardCharsets.UTF_8);
    }

    /** True when the value is sealed under the current key and bound to its place: re-encryption leaves it alone. */
    public boolean isCurrent(String stored) {
        return stored.startsWith(currentPrefix());
    }

    /** How every current value begins. */
    String currentPrefix() {
        return keys().currentId() + BOUND;
    }

    /** What precedes the first separator: the key id of a sealed value. */
    private static String keyIdOf(String stored) {
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == BOUND || c == UNBOUND) {
                return stored.substring(0, i);
            }
        }
        return "";
    }

    /** Unambiguous: no key id, table or column name holds a line feed, and the row id comes last. */
    private static byte[] boundData(String keyId, SealedPlace place) {
        return String.join("\n", keyId, place.table(), place.column(), place.rowId())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] run(
            int mode, SecretKey key, byte[] authenticated, byte[] nonce, byte[] input, SealedPlace place) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(authenticated);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new UnreadableCiphertext(
                    place,
                    "does not open: it was sealed for another"
                            + " place or with another key of the same id, or it was altered.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable on this Java platform", e);
        }
    }
}
