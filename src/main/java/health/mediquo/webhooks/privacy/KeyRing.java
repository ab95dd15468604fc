package health.mediquo.webhooks.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configured data keys: {@code mediquo.encryption.keys} lists their ids, the current one (used for every new
 * write) first; {@code mediquo.encryption.key.ID} holds each key, 32 random bytes in base64. Messages name keys by
 * id and property, never by value.
 */
public final class KeyRing {

    static final String KEY_IDS = "mediquo.encryption.keys";
    static final int KEY_BYTES = 32;

    /** Letters, digits, dots and dashes: an id never needs escaping in a ciphertext or an SQL LIKE pattern. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9.-]{1,32}");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    static boolean isValidId(String id) {
        return KEY_ID.matcher(id).matches();
    }

    static String keyProperty(String id) {
        return "mediquo.encryption.key." + id;
    }

    /**
     * @param ids the configured key ids, current first
     * @param material the configured value of a property, if any
     * @throws InvalidKeyConfiguration when the keys cannot encrypt and decrypt safely
     */
    static KeyRing of(List<String> ids, Function<String, Optional<String>> material) {
        if (ids.isEmpty()) {
            throw new InvalidKeyConfiguration("No data encryption key is configured. Set " + KEY_IDS
                    + " to the key ids (the current one first) and " + keyProperty("<id>")
                    + " to each key (32 random bytes, base64); reports are never stored unencrypted.");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String id : ids) {
            if (!isValidId(id)) {
                throw new InvalidKeyConfiguration(
                        "The key id '" + id + "' in " + KEY_IDS + " is not 1 to 32 letters, digits, dots or dashes.");
            }
            if (keys.put(id, secretKey(id, material.apply(keyProperty(id)))) != null) {
                throw new InvalidKeyConfiguration("The key id '" + id + "' appears twice in " + KEY_IDS + ".");
            }
        }
        return new KeyRing(ids.get(0), Map.copyOf(keys));
    }

    private static SecretKey secretKey(String id, Optional<String> value) {
        String property = keyProperty(id);
        String encoded = value.map(String::strip)
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new InvalidKeyConfiguration(
                        "The key '" + id + "' is listed in " + KEY_IDS + " but " + property + " is not set."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyConfiguration(property + " is not valid base64.");
        }
        if (bytes.length != KEY_BYTES) {
            throw new InvalidKeyConfiguration(
                    property + " must decode to " + KEY_BYTES + " bytes (AES-256), not " + bytes.length + ".");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    Set<String> ids() {
        return keys.keySet();
    }
}
