package health.mediquo.webhooks.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;

/**
 * Keys that make HMAC-SHA256 values, stored as {@code KEYID:HEX}: the id names the key that made a value, so that
 * values made before a rotation can still be recognised.
 */
abstract class HmacKeys extends ConfiguredKeys {

    private static final char SEPARATOR = ':';

    /** The value of the data under the current key. */
    String current(byte[] data) {
        return mac(keys().currentId(), data);
    }

    /** The values of the data under every configured key, current first. */
    List<String> underEveryKey(byte[] data) {
        String current = keys().currentId();
        return Stream.concat(Stream.of(current), keys().ids().stream().filter(id -> !id.equals(current)))
                .map(id -> mac(id, data))
                .toList();
    }

    /** Whether the value is that of the data under the configured key it names; false when that key is not configured. */
    boolean holds(String value, byte[] data) {
        int separator = value.indexOf(SEPARATOR);
        String keyId = separator < 0 ? "" : value.substring(0, separator);
        return keys().byId(keyId).isPresent()
                && MessageDigest.isEqual(
                        mac(keyId, data).getBytes(StandardCharsets.US_ASCII),
                        value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String checkValue() {
        return current(CHECK_TEXT.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean madeWith(String id, String checkValue) {
        return checkValue.startsWith(id + SEPARATOR) && holds(checkValue, CHECK_TEXT.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String keyId, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys().byId(keyId).orElseThrow());
            return keyId + SEPARATOR + HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable on this Java platform", e);
        }
    }
}
