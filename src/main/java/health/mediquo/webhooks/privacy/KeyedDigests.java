package health.mediquo.webhooks.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Digests of delivery bodies that find duplicates without letting the database confirm a guessed body: the
 * HMAC-SHA256, under a digest key of its own, of the body's SHA-256, stored as {@code KEYID:HEX}. Keying the SHA-256
 * rather than the body let the upgrade key the plain digests stored before without opening a single body.
 */
@ApplicationScoped
public class KeyedDigests extends HmacKeys {

    @Inject
    Config config;

    @PostConstruct
    void useConfiguredKeys() {
        use(KeyRing.configured(KeyUse.BODY_DIGESTS, config));
    }

    public BodyDigest of(byte[] body) {
        return ofSha256(sha256(body));
    }

    BodyDigest ofSha256(byte[] sha256) {
        List<String> recognised = underEveryKey(sha256);
        return new BodyDigest(recognised.get(0), recognised);
    }

    @Override
    public String registerTable() {
        return "digest_key";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
