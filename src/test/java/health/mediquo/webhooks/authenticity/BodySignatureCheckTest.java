package health.mediquo.webhooks.authenticity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.mediquo.webhooks.receiving.SenderRejected;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodySignatureCheckTest {

    private static final String BODY = "{\"type\":\"patient_report_sent\"}";
    private static final byte[] SIGNED_WITH_NEW = WebhookSecrets.hmacSha256(bytes("new-secret"), bytes(BODY));

    @Test
    void hexBase64AndPrefixedSignaturesUnderAnyConfiguredSecretPass() {
        BodySignatureCheck check = check("new-secret", "old-secret");
        byte[] signedWithOld = WebhookSecrets.hmacSha256(bytes("old-secret"), bytes(BODY));

        for (String signature : List.of(
                HexFormat.of().formatHex(SIGNED_WITH_NEW),
                HexFormat.of().withUpperCase().formatHex(SIGNED_WITH_NEW),
                "sha256=" + HexFormat.of().formatHex(SIGNED_WITH_NEW),
                Base64.getEncoder().encodeToString(SIGNED_WITH_NEW),
                HexFormat.of().formatHex(signedWithOld))) {
            assertDoesNotThrow(() -> check.verify(request(signature, BODY)), signature);
        }
    }

    @Test
    void theSecretItselfAnotherBodyOrGarbageFail() {
        BodySignatureCheck check = check("new-secret");
        String hex = HexFormat.of().formatHex(SIGNED_WITH_NEW);

        for (String signature : new String[] {null, "", "new-secret", "zz" + hex.substring(2), "not base64!"}) {
            assertThrows(SenderRejected.class, () -> check.verify(request(signature, BODY)), signature);
        }
        assertThrows(SenderRejected.class, () -> check.verify(request(hex, BODY + " ")));
    }

    private static BodySignatureCheck check(String... secrets) {
        BodySignatureCheck check = new BodySignatureCheck();
        check.secrets = new WebhookSecrets();
        check.secrets.use(List.of(secrets));
        return check;
    }

    private static DeliveryRequest request(String signature, String body) {
        return new DeliveryRequest(
                name -> SharedSecretCheck.SIGNATURE_HEADER.equals(name) ? signature : null,
                role -> false,
                () -> bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
