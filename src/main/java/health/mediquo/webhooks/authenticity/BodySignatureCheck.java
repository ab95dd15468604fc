package health.mediquo.webhooks.authenticity;

import health.mediquo.webhooks.receiving.SenderRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * HMAC mode, in case MediQuo signs bodies: {@code x-webhook-signature} is the HMAC-SHA256 of the raw body under a
 * shared secret, in hex or base64, optionally prefixed {@code sha256=}.
 */
@ApplicationScoped
public class BodySignatureCheck implements SenderCheck {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String PREFIX = "sha256=";

    @Inject
    WebhookSecrets secrets;

    @Override
    public String name() {
        return "HMAC-SHA256 of the body in " + SharedSecretCheck.SIGNATURE_HEADER;
    }

    @Override
    public boolean enabled() {
        return secrets.mode() == SignatureMode.HMAC_SHA256;
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    @Override
    public void verify(DeliveryRequest request) {
        byte[] presented = decode(request.header(SharedSecretCheck.SIGNATURE_HEADER));
        if (presented.length == 0 || !secrets.signed(request.body(), presented)) {
            throw new SenderRejected(
                    "invalid-body-signature",
                    "The x-webhook-signature header is missing or is not the HMAC-SHA256 of the body under a"
                            + " configured secret.");
        }
    }

    /** The signature's bytes, or none when the value is neither hex nor base64. */
    static byte[] decode(String signature) {
        if (signature == null) {
            return new byte[0];
        }
        String value = signature.strip();
        if (value.startsWith(PREFIX)) {
            value = value.substring(PREFIX.length());
        }
        if (HEX_SHA256.matcher(value).matches()) {
            return HexFormat.of().parseHex(value);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}
