package health.mediquo.webhooks.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The users of {@code /api}, from configuration: {@code mediquo.api.users} names them, and for each name
 * {@code mediquo.api.user.NAME.password-hash} (a PBKDF2 hash as {@link Pbkdf2PasswordHash} writes it) and
 * {@code mediquo.api.user.NAME.roles}. No password is ever stored, only its hash. Callers present them with HTTP Basic
 * ({@link HttpBasicAuthentication}).
 */
@ApplicationScoped
public class ApiUsers implements IdentityStore {

    static final String USERS_KEY = "mediquo.api.users";

    @Inject
    Config config;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private Map<String, ApiUser> users;

    /** A configured user: its password only as a hash. */
    public record ApiUser(String name, String passwordHash, Set<String> roles) {}

    @PostConstruct
    void readConfiguredUsers() {
        passwordHash.initialize(Map.of());
        users = config.getOptionalValues(USERS_KEY, String.class).orElse(List.of()).stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(this::configuredUser)
                .collect(Collectors.toMap(ApiUser::name, Function.identity()));
    }

    private ApiUser configuredUser(String name) {
        String prefix = "mediquo.api.user." + name + ".";
        return new ApiUser(
                name,
                config.getValue(prefix + "password-hash", String.class),
                new HashSet<>(config.getValues(prefix + "roles", String.class)));
    }

    /** Every configured user. */
    public Collection<ApiUser> all() {
        return users.values();
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        ApiUser user = users.get(credential.getCaller());
        if (user == null || !passwordHash.verify(credential.getPassword().getValue(), user.passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.name(), user.roles());
    }
}
