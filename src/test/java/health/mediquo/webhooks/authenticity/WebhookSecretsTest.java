package health.mediquo.webhooks.authenticity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private final WebhookSecrets secrets = new WebhookSecrets();

    @Test
    void everyConfiguredSecretIsAcceptedSoThatOneCanBeRotatedWithOverlap() {
        secrets.use(List.of("new-secret", " old-secret "));

        assertTrue(secrets.accepts("new-secret"));
        assertTrue(secrets.accepts("old-secret"));
    }

    @Test
    void anyOtherValueIsRejected() {
        secrets.use(List.of("new-secret"));

        for (String forged :
                new String[] {null, "", "new-secre", "new-secret ", "NEW-SECRET", "new-secretnew-secret"}) {
            assertFalse(secrets.accepts(forged), () -> "accepted " + forged);
        }
    }

    @Test
    void withoutAnySecretEverythingIsRejected() {
        secrets.use(List.of("", "  "));

        assertFalse(secrets.accepts(""));
        assertFalse(secrets.accepts("  "));
    }
}
