package health.mediquo.webhooks.authenticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The forms MicroProfile JWT accepts for mp.jwt.verify.publickey: PEM, JWK and JWKS. */
class BearerTokenCheckTest {

    @Test
    void pemPublicKeysOfRsaAndEcAreRead() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));

        for (PublicKey key : new PublicKey[] {
            rsa.generateKeyPair().getPublic(), ec.generateKeyPair().getPublic()
        }) {
            JWKSet read = BearerTokenCheck.parseKeys(pem(key));

            assertEquals(1, read.getKeys().size());
            assertArrayEquals(
                    key.getEncoded(),
                    ((AsymmetricJWK) read.getKeys().get(0)).toPublicKey().getEncoded());
        }
    }

    @Test
    void aJwkAndAJwksAreRead() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) rsa.generateKeyPair().getPublic())
                .keyID("k1")
                .build();

        assertEquals(jwk, BearerTokenCheck.parseKeys(jwk.toJSONString()).getKeyByKeyId("k1"));
        assertEquals(jwk, BearerTokenCheck.parseKeys(new JWKSet(jwk).toString()).getKeyByKeyId("k1"));
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
