package health.mediquo.webhooks.authenticity;

import health.mediquo.webhooks.receiving.SenderRejected;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Standard Webhooks (standardwebhooks.com): {@code webhook-signature} holds space-separated {@code v1,BASE64} entries,
 * each an HMAC-SHA256 of {@code webhook-id.webhook-timestamp.body} under a secret ({@code whsec_BASE64}). A timestamp
 * outside the tolerance is refused, so a captured request cannot be replayed later. On when secrets are configured.
 */
@ApplicationScoped
public class StandardWebhooksCheck implements SenderCheck {

    static final String SECRETS_KEY = "mediquo.webhook.standard-webhooks.secrets";
    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "mediquo.webhook.standard-webhooks.tolerance-seconds", defaultValue = "300")
    long toleranceSeconds;

    Clock clock = Clock.systemUTC();

    private List<byte[]> keys;

    @PostConstruct
    void useConfiguredSecrets() {
        use(config.getOptionalValues(SECRETS_KEY, String.class).orElse(List.of()));
    }

    void use(List<String> secrets) {
        keys = secrets.stream()
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(StandardWebhooksCheck::key)
                .toList();
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("An entry of " + SECRETS_KEY + " is not whsec_ followed by base64");
        }
    }

    @Override
    public String name() {
        return "Standard Webhooks signature";
    }

    @Override
    public boolean enabled() {
        return !keys.isEmpty();
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    @Override
    public void verify(DeliveryRequest request) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw rejected("The webhook-id, webhook-timestamp and webhook-signature headers are required.");
        }
        if (!isRecent(timestamp)) {
            throw rejected("The webhook-timestamp is not a UNIX time within " + toleranceSeconds + " s of now.");
        }
        byte[] signed = signedContent(id, timestamp, request.body());
        List<byte[]> expected =
                keys.stream().map(key -> WebhookSecrets.hmacSha256(key, signed)).toList();
        if (presented(signatures).stream().noneMatch(signature -> WebhookSecrets.anyEqual(signature, expected))) {
            throw rejected("No v1 entry of webhook-signature matches a configured secret.");
        }
    }

    private boolean isRecent(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(sent, clock.instant()).abs().getSeconds() <= toleranceSeconds;
        } catch (NumberFormatException | DateTimeException e) {
            return false;
        }
    }

    private static byte[] signedContent(String id, String timestamp, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length + 64);
        content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        content.writeBytes(body);
        return content.toByteArray();
    }

    private static List<byte[]> presented(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.strip().split(" +")) {
            if (entry.startsWith(VERSION)) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(VERSION.length())));
                } catch (IllegalArgumentException notBase64) {
                    // An entry that is not base64 matches nothing; the others may still match.
                }
            }
        }
        return signatures;
    }

    private static SenderRejected rejected(String detail) {
        return new SenderRejected("invalid-standard-webhooks-signature", detail);
    }
}
