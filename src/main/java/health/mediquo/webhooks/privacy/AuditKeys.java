package health.mediquo.webhooks.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The keys of the audit trail: each entry is linked to the one before it by an HMAC-SHA256 under the current audit
 * key, and a patient code appears in the trail only as its HMAC, so that erasing a patient leaves no code behind. An
 * audit key is never retired: the trail's oldest links need it to be verified.
 */
@ApplicationScoped
public class AuditKeys extends HmacKeys {

    @Inject
    Config config;

    @PostConstruct
    void useConfiguredKeys() {
        use(KeyRing.configured(KeyUse.AUDIT, config));
    }

    /** The link of an entry: its content chained to the previous entry's link. */
    public String link(String previousLink, String content) {
        return current(chained(previousLink, content));
    }

    /** Whether the link is the one the entry's content and the previous link make, under the key it names. */
    public boolean linkHolds(String link, String previousLink, String content) {
        return holds(link, chained(previousLink, content));
    }

    public String patientDigest(String patientCode) {
        return current(patientCode.getBytes(StandardCharsets.UTF_8));
    }

    /** The patient's digest under every audit key: entries made before a rotation hold an older one. */
    public List<String> patientDigests(String patientCode) {
        return underEveryKey(patientCode.getBytes(StandardCharsets.UTF_8));
    }

    /** A keyed digest of a value the trail must be able to compare but never show, e.g. a password hash. */
    public String fingerprint(String value) {
        return current(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the fingerprint is that of the value, under whichever audit key made it. */
    public boolean isFingerprintOf(String fingerprint, String value) {
        return holds(fingerprint, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String registerTable() {
        return "audit_key";
    }

    private static byte[] chained(String previousLink, String content) {
        return (previousLink + "\n" + content).getBytes(StandardCharsets.UTF_8);
    }
}
