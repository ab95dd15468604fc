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
 * value reads {@code KEYID:BASE64(nonce ‖ ciphertext ‖ tag)}; the key id is authenticated with the text, so a value
 * cannot be passed off as sealed under another key.
 */
@ApplicationScoped
public class FieldCipher implements RegisteredKeys {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final char SEPARATOR = ':';

    private final SecureRandom nonces = new SecureRandom();

    @Inject
    Config config;

    private KeyRing keys;

    @PostConstruct
    void useConfiguredKeys() {
        use(KeyRing.configured(KeyUse.SEALING, config));
    }

    void use(KeyRing keys) {
        this.keys = keys;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    @Override
    public KeyRing keys() {
        return keys;
    }

    @Override
    public String registerTable() {
        return "encryption_key";
    }

    @Override
    public String checkValue() {
        return seal(CHECK_TEXT);
    }

    @Override
    public boolean madeWith(String id, String checkValue) {
        try {
            return checkValue.startsWith(id + SEPARATOR) && CHECK_TEXT.equals(open(checkValue));
        } catch (UnreadableCiphertext e) {
            return false;
        }
    }

    public String seal(String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        nonces.nextBytes(nonce);
        byte[] sealed = run(
                Cipher.ENCRYPT_MODE, keys.current(), keys.currentId(), nonce, text.getBytes(StandardCharsets.UTF_8));
        ByteBuffer stored =
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return keys.currentId() + SEPARATOR + Base64.getEncoder().encodeToString(stored.array());
    }

    public String open(String stored) {
        int separator = stored.indexOf(SEPARATOR);
        String keyId = separator < 0 ? "" : stored.substring(0, separator);
        if (!KeyRing.isValidId(keyId)) {
            // Never echo what precedes the separator: in a value stored unsealed it would be clinical text.
            throw new UnreadableCiphertext("A stored value is not sealed: it names no key.");
        }
        SecretKey key = keys.byId(keyId)
                .orElseThrow(() -> new UnreadableCiphertext("A stored value is sealed with the key '" + keyId
                        + "', which is not configured (" + KeyUse.SEALING.idsProperty() + ")."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableCiphertext("A stored value sealed with the key '" + keyId + "' is not base64.");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableCiphertext("A stored value sealed with the key '" + keyId + "' is truncated.");
        }
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, key, keyId, nonce, sealed), StandardCharsets.UTF_8);
    }

    /** True when the value is sealed under the current key, so re-encryption can leave it alone. */
    public boolean isUnderCurrentKey(String stored) {
        return stored.startsWith(keys.currentId() + SEPARATOR);
    }

    private static byte[] run(int mode, SecretKey key, String keyId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new UnreadableCiphertext("A stored value does not open with the key '" + keyId
                    + "': the key is not the one that sealed it, or the value was altered.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable on this Java platform", e);
        }
    }
}
