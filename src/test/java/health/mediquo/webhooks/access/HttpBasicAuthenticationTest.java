package health.mediquo.webhooks.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpBasicAuthenticationTest {

    @Test
    void wellFormedBasicHeaderGivesUserAndPasswordSplitAtTheFirstColon() {
        UsernamePasswordCredential credential = HttpBasicAuthentication.credential("basic " + base64("it-reader:a:b"))
                .orElseThrow();

        assertEquals("it-reader", credential.getCaller());
        assertEquals("a:b", credential.getPasswordAsString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic Zm9v", // "foo": no colon
                "Basic !!!",
                "Basic",
                "Basic ",
                "Basic Zm9vOmJhcg=x",
                "Basic wyg6eA==", // invalid UTF-8 before the colon
                "Bearer Zm9vOmJhcg==",
                "Digest username=\"x\"",
                ""
            })
    void anyOtherHeaderCountsAsNoCredentials(String authorization) {
        assertTrue(HttpBasicAuthentication.credential(authorization).isEmpty());
    }

    @Test
    void noHeaderIsNoCredentials() {
        assertTrue(HttpBasicAuthentication.credential(null).isEmpty());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
