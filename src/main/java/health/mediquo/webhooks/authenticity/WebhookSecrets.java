package health.mediquo.webhooks.receiving;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The shared secrets MediQuo may send in {@code x-webhook-signature}. Several may be valid at once so that a secret can
 * be rotated with overlap. Only SHA-256 digests are kept: comparing digests of equal length makes the check constant
 * in time whatever the length of the value presented.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class.getName());

    static final String SECRETS_KEY = "mediquo.webhook.secrets";

    @Inject
    Config config;

    private List<byte[]> digests;

    @PostConstruct
    void useConfiguredSecrets() {
        use(config.getOptionalValues(SECRETS_KEY, String.class).orElse(List.of()));
    }

    void use(List<String> secrets) {
        digests = secrets.stream()
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(WebhookSecrets::sha256)
                .toList();
    }

    void warnWhenNoneConfigured(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (digests.isEmpty()) {
            LOG.severe("No webhook secret is configured (" + SECRETS_KEY + " / MEDIQUO_WEBHOOK_SECRETS):"
                    + " every delivery will be rejected with 401 until one is.");
        }
    }

    /** True when the presented value equals one of the configured secrets; every secret is compared, always. */
    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = sha256(presented);
        boolean accepted = false;
        for (byte[] digest : digests) {
            accepted |= MessageDigest.isEqual(candidate, digest);
        }
        return accepted;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
