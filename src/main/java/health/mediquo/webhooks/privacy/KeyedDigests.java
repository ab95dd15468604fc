package health.mediquo.webhooks.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.Mac;
import org.eclipse.microprofile.config.Config;

/**
 * Digests of delivery bodies that find duplicates without letting the database confirm a guessed body: the
 * HMAC-SHA256, under a digest key of its own, of the body's SHA-256, stored as {@code KEYID:HEX}. Keying the SHA-256
 * rather than the body let the upgrade key the plain digests stored before without opening a single body.
 */
@ApplicationScoped
public class KeyedDigests implements RegisteredKeys {

    private static final char SEPARATOR = ':';

    @Inject
    Config config;

    private KeyRing keys;

    @PostConstruct
    void useConfiguredKeys() {
        use(KeyRing.configured(KeyUse.BODY_DIGESTS, config));
    }

    void use(KeyRing keys) {
        this.keys = keys;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    public BodyDigest of(byte[] body) {
        return ofSha256(sha256(body));
    }

    BodyDigest ofSha256(byte[] sha256) {
        String current = keys.currentId();
        return new BodyDigest(
                digest(current, sha256),
                Stream.concat(Stream.of(current), keys.ids().stream().filter(id -> !id.equals(current)))
                        .map(id -> digest(id, sha256))
                        .toList());
    }

    @Override
    public KeyRing keys() {
        return keys;
    }

    @Override
    public String registerTable() {
        return "digest_key";
    }

    @Override
    public String checkValue() {
        return digest(keys.currentId(), checkSha256());
    }

    @Override
    public boolean madeWith(String id, String checkValue) {
        return keys.byId(id).isPresent()
                && MessageDigest.isEqual(
                        digest(id, checkSha256()).getBytes(StandardCharsets.US_ASCII),
                        checkValue.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] checkSha256() {
        return sha256(CHECK_TEXT.getBytes(StandardCharsets.UTF_8));
    }

    private String digest(String keyId, byte[] sha256) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.byId(keyId).orElseThrow());
            return keyId + SEPARATOR + HexFormat.of().formatHex(mac.doFinal(sha256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable on this Java platform", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
