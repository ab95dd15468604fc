package health.mediquo.webhooks.authenticity;

import static health.mediquo.webhooks.testing.Deliveries.newPatientCode;
import static health.mediquo.webhooks.testing.Deliveries.soapReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import health.mediquo.webhooks.testing.Receiver;
import health.mediquo.webhooks.testing.Receiver.Answer;
import health.mediquo.webhooks.testing.Receiver.ApiUser;
import health.mediquo.webhooks.testing.ReceiverDatabase;
import health.mediquo.webhooks.testing.ReceiverDeployment;
import health.mediquo.webhooks.testing.ServerMetrics;
import health.mediquo.webhooks.testing.TestSecrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sender checks beyond the documented shared secret, each enabled by configuration and all required together:
 * HMAC of the body, Standard Webhooks and HTTP Basic in one deployment, an OAuth 2 bearer JWT in another. Every
 * failure is a 401 problem, counted by reason, with nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
class SenderAuthenticationIT {

    private static final String SIGNED_BODIES = "signed-bodies";
    private static final String BEARER_TOKENS = "bearer-tokens";

    private static final String ISSUER = "https://login.example.test/";
    private static final String AUDIENCE = "mediquo-webhooks-it";
    private static final RSAKey SIGNING_KEY = rsaKey();
    private static final RSAKey OTHER_KEY = rsaKey();

    @ArquillianResource
    Deployer server;

    @Deployment(name = SIGNED_BODIES, managed = false, testable = false)
    static WebArchive signedBodies() {
        return ReceiverDeployment.packagedWarConfiguredWith(
                SIGNED_BODIES,
                Map.of(
                        "mediquo.webhook.signature", "hmac-sha256",
                        "mediquo.webhook.standard-webhooks.secrets", TestSecrets.STANDARD_WEBHOOKS_SECRET,
                        "mediquo.webhook.basic.enabled", "true"));
    }

    @Deployment(name = BEARER_TOKENS, managed = false, testable = false)
    static WebArchive bearerTokens() {
        return ReceiverDeployment.packagedWarConfiguredWith(
                BEARER_TOKENS,
                Map.of(
                        "mediquo.webhook.bearer.enabled",
                        "true",
                        "mp.jwt.verify.issuer",
                        ISSUER,
                        "mp.jwt.verify.audiences",
                        AUDIENCE,
                        "mp.jwt.verify.publickey",
                        SIGNING_KEY.toPublicJWK().toJSONString()));
    }

    @Test
    void hmacStandardWebhooksAndBasicMustAllPass() {
        server.deploy(SIGNED_BODIES);
        try {
            byte[] body = body();
            assertEquals(202, Receiver.deliverWith(body, signed(body, now())).status(), "all three checks pass");

            body = body();
            assertRejected("invalid-body-signature", body, without(signed(body, now()), "x-webhook-signature"));
            body = body();
            assertRejected(
                    "invalid-body-signature",
                    body,
                    with(signed(body, now()), "x-webhook-signature", Receiver.CURRENT_SECRET),
                    "the shared secret itself, in HMAC mode");
            body = body();
            assertRejected("invalid-standard-webhooks-signature", body, without(signed(body, now()), "webhook-id"));
            body = body();
            assertRejected(
                    "invalid-standard-webhooks-signature",
                    body,
                    with(
                            signed(body, now()),
                            "webhook-signature",
                            signed(body(), now()).get("webhook-signature")),
                    "the signature of another body");
            body = body();
            assertRejected(
                    "invalid-standard-webhooks-signature",
                    body,
                    signed(body, now() - 600),
                    "a signed timestamp outside the tolerance");
            body = body();
            assertRejected("invalid-credentials", body, without(signed(body, now()), "Authorization"));
            body = body();
            assertRejected(
                    "invalid-credentials",
                    body,
                    with(signed(body, now()), "Authorization", ApiUser.READER.basicAuthorization()),
                    "a user without the role webhook-sender");
            body = body();
            assertRejected(
                    "invalid-credentials",
                    body,
                    with(
                            signed(body, now()),
                            "Authorization",
                            new ApiUser(ApiUser.MEDIQUO.name(), "wrong-password").basicAuthorization()),
                    "a wrong password");
        } finally {
            server.undeploy(SIGNED_BODIES);
        }
    }

    @Test
    void aBearerJwtOfTheIssuerForTheAudienceIsRequiredBesideTheSecret() throws JOSEException {
        server.deploy(BEARER_TOKENS);
        try {
            assertEquals(
                    202,
                    deliverWithToken(token(SIGNING_KEY, ISSUER, AUDIENCE, 300)).status());

            assertRejected("invalid-bearer-token", Map.of("x-webhook-signature", Receiver.CURRENT_SECRET), "no token");
            for (String forged : List.of(
                    token(OTHER_KEY, ISSUER, AUDIENCE, 300),
                    token(SIGNING_KEY, "https://impostor.example.test/", AUDIENCE, 300),
                    token(SIGNING_KEY, ISSUER, "another-audience", 300),
                    token(SIGNING_KEY, ISSUER, AUDIENCE, -300),
                    "not-a-jwt")) {
                assertRejected(
                        "invalid-bearer-token",
                        Map.of("x-webhook-signature", Receiver.CURRENT_SECRET, "Authorization", "Bearer " + forged),
                        forged);
            }
            assertRejected(
                    "invalid-signature",
                    Map.of("Authorization", "Bearer " + token(SIGNING_KEY, ISSUER, AUDIENCE, 300)),
                    "the shared secret is still required");
        } finally {
            server.undeploy(BEARER_TOKENS);
        }
    }

    private static Answer deliverWithToken(String token) {
        return Receiver.deliverWith(
                body(), Map.of("x-webhook-signature", Receiver.CURRENT_SECRET, "Authorization", "Bearer " + token));
    }

    private static void assertRejected(String reason, Map<String, String> headers, String why) {
        assertRejected(reason, body(), headers, why);
    }

    private static void assertRejected(String reason, byte[] body, Map<String, String> headers) {
        assertRejected(reason, body, headers, reason);
    }

    /** Delivers the body with the headers: 401, counted under the reason, and nothing stored. */
    private static void assertRejected(String reason, byte[] body, Map<String, String> headers, String why) {
        double before = ServerMetrics.rejected(reason);
        long rows = ReceiverDatabase.totalRows();

        Answer answer = Receiver.deliverWith(body, headers);

        assertEquals(401, answer.status(), why + ": " + answer);
        assertTrue(answer.contentType().startsWith("application/problem+json"), why + ": " + answer);
        assertEquals(rows, ReceiverDatabase.totalRows(), why + ": rows stored");
        assertEquals(before + 1, ServerMetrics.rejected(reason), why + ": counted by reason");
    }

    private static byte[] body() {
        return soapReport(newPatientCode()).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The headers with which MediQuo would deliver the body at the time: they pass HMAC, Standard Webhooks, Basic. */
    private static Map<String, String> signed(byte[] body, long timestamp) {
        String id = "msg_" + UUID.randomUUID();
        byte[] standardKey =
                Base64.getDecoder().decode(TestSecrets.STANDARD_WEBHOOKS_SECRET.substring("whsec_".length()));
        ByteArrayOutputStream standardContent = new ByteArrayOutputStream();
        standardContent.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        standardContent.writeBytes(body);
        return Map.of(
                "x-webhook-signature",
                HexFormat.of().formatHex(hmacSha256(Receiver.CURRENT_SECRET.getBytes(StandardCharsets.UTF_8), body)),
                "webhook-id",
                id,
                "webhook-timestamp",
                String.valueOf(timestamp),
                "webhook-signature",
                "v1," + Base64.getEncoder().encodeToString(hmacSha256(standardKey, standardContent.toByteArray())),
                "Authorization",
                ApiUser.MEDIQUO.basicAuthorization());
    }

    private static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> fewer = new HashMap<>(headers);
        fewer.remove(name);
        return fewer;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new HashMap<>(headers);
        changed.put(name, value);
        return changed;
    }

    private static String token(RSAKey key, String issuer, String audience, long secondsToExpiry) throws JOSEException {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(audience)
                        .subject("mediquo")
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(secondsToExpiry)))
                        .build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
