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
import org.eclipse.microprofile.config.Config;

/**
 * The configured keys of one use: its ids property (e.g. {@code mediquo.encryption.keys}) lists their ids, the current
 * one (used for every new write) first; a property per id (e.g. {@code mediquo.encryption.key.ID}) holds each key,
 * 32 random bytes in base64. Messages name keys by id and property, never by value.
 */
public final class KeyRing {

    static final int KEY_BYTES = 32;

    /** Letters, digits, dots and dashes: an id never needs escaping in a ciphertext or an SQL LIKE pattern. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9.-]{1,32}");

    private final KeyUse use;
    private final String currentId;
    private final Map<String, SecretKey> keys;

    private KeyRing(KeyUse use, String currentId, Map<String, SecretKey> keys) {
        this.use = use;
        this.currentId = currentId;
        this.keys = keys;
    }

    static boolean isValidId(String id) {
        return KEY_ID.matcher(id).matches();
    }

    /** The keys of this use in the configuration. */
    static KeyRing configured(KeyUse use, Config config) {
        return of(
                use,
                config.getOptionalValues(use.idsProperty(), String.class).orElse(List.of()).stream()
                        .map(String::strip)
                        .toList(),
                property -> config.getOptionalValue(property, String.class));
    }

    /**
     * @param ids the configured key ids, current first
     * @param material the configured value of a property, if any
     * @throws InvalidKeyConfiguration when the keys cannot be used safely
     */
    static KeyRing of(KeyUse use, List<String> ids, Function<String, Optional<String>> material) {
        String idsProperty = use.idsProperty();
        if (ids.isEmpty()) {
            throw new InvalidKeyConfiguration("No " + use.keyName() + " is configured. Set " + idsProperty
                    + " to the key ids (the current one first) and " + use.keyProperty("<id>")
                    + " to each key (32 random bytes, base64); " + use.whyRequired() + ".");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String id : ids) {
            if (!isValidId(id)) {
                throw new InvalidKeyConfiguration("The key id '" + id + "' in " + idsProperty
                        + " is not 1 to 32 letters, digits, dots or dashes.");
            }
            if (keys.put(id, secretKey(use, id, material.apply(use.keyProperty(id)))) != null) {
                throw new InvalidKeyConfiguration("The key id '" + id + "' appears twice in " + idsProperty + ".");
            }
        }
        return new KeyRing(use, ids.get(0), Map.copyOf(keys));
    }

    private static SecretKey secretKey(KeyUse use, String id, Optional<String> value) {
        String property = use.keyProperty(id);
        String encoded = value.map(String::strip)
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new InvalidKeyConfiguration("The key '" + id + "' is listed in " + use.idsProperty()
                        + " but " + property + " is not set."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyConfiguration(property + " is not valid base64.");
        }
        if (bytes.length != KEY_BYTES) {
            throw new InvalidKeyConfiguration(
                    property + " must decode to " + KEY_BYTES + " bytes, not " + bytes.length + ".");
        }
        return new SecretKeySpec(bytes, use.algorithm());
    }

    KeyUse use() {
        return use;
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
