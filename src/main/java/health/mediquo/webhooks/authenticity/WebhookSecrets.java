package health.mediquo.webhooks.authenticity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secrets agreed with MediQuo ({@code mediquo.webhook.secrets}) and how {@code x-webhook-signature} presents them
 * ({@code mediquo.webhook.signature}). Several may be valid at once so that a secret can
 * be rotated with overlap. Every comparison runs over all secrets in constant time, whatever the value presented.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class.getName());

    static final String SECRETS_KEY = "mediquo.webhook.secrets";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = SignatureMode.KEY, defaultValue = "static")
    String mode;

    private List<byte[]> secrets;
    private List<byte[]> digests;

    @PostConstruct
    void useConfiguredSecrets() {
        use(config.getOptionalValues(SECRETS_KEY, String.class).orElse(List.of()));
    }

    void use(List<String> configured) {
        secrets = configured.stream()
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toList();
        digests = secrets.stream().map(WebhookSecrets::sha256).toList();
    }

    /** What x-webhook-signature carries: the secret itself, or a signature of the body made with it. */
    SignatureMode mode() {
        return SignatureMode.named(mode);
    }

    void warnWhenNoneConfigured(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (secrets.isEmpty()) {
            LOG.warning("No webhook secret is configured (" + SECRETS_KEY + " / MEDIQUO_WEBHOOK_SECRETS): the shared"
                    + " secret and HMAC checks reject every delivery until one is.");
        }
    }

    /** True when the value presented is one of the secrets; digests of equal length make the time constant. */
    boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        return anyEqual(sha256(presented.getBytes(StandardCharsets.UTF_8)), digests);
    }

    /** True when the signature presented is the HMAC-SHA256 of the content under one of the secrets. */
    boolean signed(byte[] content, byte[] presented) {
        return anyEqual(
                presented,
                secrets.stream().map(secret -> hmacSha256(secret, content)).toList());
    }

    static boolean anyEqual(byte[] candidate, List<byte[]> expected) {
        boolean equal = false;
        for (byte[] value : expected) {
            equal |= MessageDigest.isEqual(candidate, value);
        }
        return equal;
    }

    static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
