package health.mediquo.webhooks.authenticity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.mediquo.webhooks.receiving.SenderRejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checked against the example of the Standard Webhooks specification's reference libraries. */
class StandardWebhooksCheckTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSpecificationsExamplePasses() {
        assertDoesNotThrow(() -> check(SECRET, 0).verify(request(ID, TIMESTAMP, SIGNATURE, BODY)));
    }

    @Test
    void oneMatchingEntryAmongSeveralAndOneMatchingSecretAmongSeveralSuffice() {
        StandardWebhooksCheck check = check(SECRET, 0);
        check.use(List.of("whsec_" + "b2xkLXNlY3JldC1vZi10aGUtdGVzdHM=", SECRET));

        assertDoesNotThrow(() -> check.verify(request(ID, TIMESTAMP, "v1,bm90IGl0 v2,abc " + SIGNATURE, BODY)));
    }

    @Test
    void anAlteredBodyIdOrTimestampFails() {
        StandardWebhooksCheck check = check(SECRET, 0);

        assertThrows(SenderRejected.class, () -> check.verify(request(ID, TIMESTAMP, SIGNATURE, BODY + " ")));
        assertThrows(SenderRejected.class, () -> check.verify(request(ID + "x", TIMESTAMP, SIGNATURE, BODY)));
        assertThrows(SenderRejected.class, () -> check.verify(request(ID, "1614265331", SIGNATURE, BODY)));
    }

    @Test
    void aTimestampOutsideTheToleranceFailsEvenWhenSigned() {
        assertThrows(SenderRejected.class, () -> check(SECRET, 301).verify(request(ID, TIMESTAMP, SIGNATURE, BODY)));
        assertDoesNotThrow(() -> check(SECRET, -300).verify(request(ID, TIMESTAMP, SIGNATURE, BODY)));
    }

    @Test
    void missingHeadersOrAnotherSecretFail() {
        assertThrows(SenderRejected.class, () -> check(SECRET, 0).verify(request(ID, TIMESTAMP, null, BODY)));
        assertThrows(SenderRejected.class, () -> check(SECRET, 0).verify(request(null, TIMESTAMP, SIGNATURE, BODY)));
        assertThrows(
                SenderRejected.class,
                () -> check("whsec_b3RoZXItc2VjcmV0LW9mLXRoZS10ZXN0cw==", 0)
                        .verify(request(ID, TIMESTAMP, SIGNATURE, BODY)));
    }

    /** The check at the example's time plus {@code secondsLater}, with the default tolerance of 300 s. */
    private static StandardWebhooksCheck check(String secret, long secondsLater) {
        StandardWebhooksCheck check = new StandardWebhooksCheck();
        check.toleranceSeconds = 300;
        check.clock = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP) + secondsLater), ZoneOffset.UTC);
        check.use(List.of(secret));
        return check;
    }

    private static DeliveryRequest request(String id, String timestamp, String signature, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", signature);
        return new DeliveryRequest(headers::get, role -> false, () -> body.getBytes(StandardCharsets.UTF_8));
    }
}
