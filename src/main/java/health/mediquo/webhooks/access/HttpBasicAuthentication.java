package health.mediquo.webhooks.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic (RFC 7617) against the identity store of {@link ApiUsers}. It replaces the built-in mechanism of
 * {@code @BasicAuthenticationMechanismDefinition}, which fails with an empty 500 on an {@code Authorization} header it
 * cannot decode (no colon, not base64), before any filter or exception mapper of the application can answer. Here an
 * undecodable header counts as no credentials: a 401 problem where a role is needed, nothing elsewhere.
 */
@ApplicationScoped
public class HttpBasicAuthentication implements HttpAuthenticationMechanism {

    private static final String CHALLENGE = "Basic realm=\"mediquo-webhooks\"";
    private static final String SCHEME = "Basic ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<UsernamePasswordCredential> credential = credential(request.getHeader("Authorization"));
        if (credential.isPresent()) {
            CredentialValidationResult result = identityStores.validate(credential.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
            }
        }
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    /** The user and password of a well-formed Basic header, or nothing for any other header, or none. */
    static Optional<UsernamePasswordCredential> credential(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder()
                    .decode(authorization.substring(SCHEME.length()).strip());
            String userAndPassword = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
            int colon = userAndPassword.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(
                    userAndPassword.substring(0, colon), userAndPassword.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException undecodable) {
            return Optional.empty();
        }
    }
}
