package health.mediquo.webhooks.privacy;

import health.mediquo.webhooks.testing.ReceiverDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The suite's data key {@code it-1} and digest key {@code it-d1} (pom.xml), for tests that write or find a row with
 * plain JDBC; and digest keys of a test's own.
 */
public final class SuiteKey {

    private SuiteKey() {}

    /** The text sealed exactly as the receiver seals it for this place. */
    public static String seal(String text, String table, String column, String rowId) {
        FieldCipher cipher = new FieldCipher();
        cipher.use(ring(KeyUse.SEALING, List.of("it-1"), Map.of("it-1", System.getProperty("it.data.key"))));
        return cipher.seal(text, new SealedPlace(table, column, rowId));
    }

    /** The clear text of a value sealed at this place under the data key {@code keyId}, given its value. */
    public static String open(String sealed, String keyId, String key, String table, String column, String rowId) {
        FieldCipher cipher = new FieldCipher();
        cipher.use(ring(KeyUse.SEALING, List.of(keyId), Map.of(keyId, key)));
        return cipher.open(sealed, new SealedPlace(table, column, rowId));
    }

    /** Sealed in the earlier form: KEYID:BASE64(nonce ‖ ciphertext ‖ tag), the key id alone authenticated. */
    public static String sealedAsBeforeBinding(String keyId, String key, String text) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                    new GCMParameterSpec(128, nonce));
            aes.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = aes.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return keyId + ":"
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Plants a delivery as a receiver older than bound values stored it: its body sealed under the id {@code it-1} with
     * this key (the suite's, or another to make it unreadable), and digested under the suite's digest key.
     *
     * @return its id
     */
    public static String plantedAsBeforeBinding(String event, String key) {
        String id = UUID.randomUUID().toString();
        ReceiverDatabase.execute(
                "INSERT INTO delivery (id, body_digest, body, event_type, occurred_on, received_at, status)"
                        + " VALUES (?, ?, ?, 'patient_report_sent', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'IGNORED')",
                id,
                digest(event.getBytes(StandardCharsets.UTF_8)),
                sealedAsBeforeBinding("it-1", key, event));
        return id;
    }

    /** The body's digest exactly as the receiver stores it. */
    public static String digest(byte[] body) {
        return digests(List.of("it-d1"), Map.of("it-d1", System.getProperty("it.digest.key")))
                .of(body)
                .current();
    }

    /** Digests under these keys (base64, by id), the first id current. */
    public static KeyedDigests digests(List<String> ids, Map<String, String> keysById) {
        KeyedDigests digests = new KeyedDigests();
        digests.use(ring(KeyUse.BODY_DIGESTS, ids, keysById));
        return digests;
    }

    /** The keys (base64, by id) as if configured, the first id current. */
    static KeyRing ring(KeyUse use, List<String> ids, Map<String, String> keysById) {
        Map<String, String> properties = new HashMap<>();
        keysById.forEach((id, key) -> properties.put(use.keyProperty(id), key));
        return KeyRing.of(use, ids, property -> Optional.ofNullable(properties.get(property)));
    }
}
