package health.mediquo.webhooks.authenticity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import health.mediquo.webhooks.receiving.SenderRejected;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An OAuth 2 bearer JWT, verified as MicroProfile JWT verifies one and configured with its keys:
 * {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences}, and the public key inline
 * ({@code mp.jwt.verify.publickey}: PEM, JWK or JWKS) or at {@code mp.jwt.verify.publickey.location} (a JWKS URL, or a
 * file), signed with {@code mp.jwt.verify.publickey.algorithm} (RS256 unless set). The token must carry an
 * expiry. The application's authentication mechanism is HTTP Basic for its API, hence the verification here rather
 * than through {@code @LoginConfig(authMethod = "MP-JWT")}, which would replace it for the whole application.
 */
@ApplicationScoped
public class BearerTokenCheck implements SenderCheck {

    private static final String BEARER = "bearer ";

    @Inject
    @ConfigProperty(name = "mediquo.webhook.bearer.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    Config config;

    private DefaultJWTProcessor<SecurityContext> tokens;

    @PostConstruct
    void configure() {
        if (!enabled) {
            return;
        }
        String issuer = config.getValue("mp.jwt.verify.issuer", String.class);
        Set<String> audiences = new HashSet<>(config.getValues("mp.jwt.verify.audiences", String.class));
        JWSAlgorithm algorithm =
                JWSAlgorithm.parse(config.getOptionalValue("mp.jwt.verify.publickey.algorithm", String.class)
                        .orElse("RS256"));
        tokens = new DefaultJWTProcessor<>();
        tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, publicKeys()));
        tokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audiences, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), null));
    }

    private JWKSource<SecurityContext> publicKeys() {
        try {
            var inline = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
            if (inline.isPresent()) {
                return new ImmutableJWKSet<>(parseKeys(inline.get()));
            }
            String location = config.getValue("mp.jwt.verify.publickey.location", String.class);
            if (location.startsWith("https://") || location.startsWith("http://")) {
                return JWKSourceBuilder.create(URI.create(location).toURL()).build();
            }
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return new ImmutableJWKSet<>(parseKeys(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | ParseException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The public key of mp.jwt.verify.publickey(.location) cannot be read: " + e.getMessage(), e);
        }
    }

    static JWKSet parseKeys(String text) throws ParseException, GeneralSecurityException {
        String keys = text.strip();
        if (keys.startsWith("-----BEGIN PUBLIC KEY-----")) {
            return new JWKSet(publicKeyFromPem(keys));
        }
        if (keys.contains("\"keys\"")) {
            return JWKSet.parse(keys);
        }
        return new JWKSet(JWK.parse(keys));
    }

    /** A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), RSA or EC, read with the JDK alone. */
    private static JWK publicKeyFromPem(String pem) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return new RSAKey.Builder(
                            (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec))
                    .build();
        } catch (InvalidKeySpecException notRsa) {
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
            return new ECKey.Builder(Curve.forECParameterSpec(key.getParams()), key).build();
        }
    }

    @Override
    public String name() {
        return "OAuth 2 bearer JWT";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void verify(DeliveryRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw rejected("An Authorization: Bearer token is required.");
        }
        try {
            tokens.process(authorization.substring(BEARER.length()).strip(), null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw rejected("The bearer token is not a valid JWT from the configured issuer for this audience.");
        }
    }

    private static SenderRejected rejected(String detail) {
        return new SenderRejected("invalid-bearer-token", detail);
    }
}
