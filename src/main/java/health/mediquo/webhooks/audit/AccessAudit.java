package health.mediquo.webhooks.audit;

import health.mediquo.webhooks.access.ApiUsers;
import health.mediquo.webhooks.privacy.AuditKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * API users come from the configuration, so their access changes when an instance starts with another one. At each
 * start, after the keys are verified, this compares what each user may do with what the database kept from the last
 * start, and records every grant, change and revocation in the audit trail; a password changed shows as such, never
 * as a hash. Instances starting together find the changes once: the comparison holds the trail's head.
 */
@ApplicationScoped
public class AccessAudit {

    static final String CONFIGURATION = "configuration";

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    ApiUsers users;

    @Inject
    AuditTrail trail;

    @Inject
    AuditKeys keys;

    private record Access(String roles, String passwordDigest) {}

    @Transactional
    void recordChanges(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 20) @Initialized(ApplicationScoped.class)
                    Object applicationStarting) {
        trail.lockHead();
        Map<String, Access> before = new TreeMap<>();
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT user_name, roles, password_digest FROM api_user_access")
                .getResultList();
        rows.forEach(row -> before.put((String) row[0], new Access((String) row[1], (String) row[2])));
        Map<String, ApiUsers.ApiUser> now = new TreeMap<>();
        users.all().forEach(user -> now.put(user.name(), user));
        List<AuditRecord> changes = new ArrayList<>();
        Instant at = Instant.now();
        now.forEach((name, user) -> {
            String roles = new TreeSet<>(user.roles()).stream().collect(Collectors.joining(","));
            Access earlier = before.get(name);
            if (earlier == null) {
                changes.add(change(name, "access-granted", "roles=" + roles, at));
                store(
                        name,
                        roles,
                        user,
                        "INSERT INTO api_user_access (roles, password_digest, user_name) VALUES (?1, ?2, ?3)");
                return;
            }
            boolean passwordChanged = !keys.isFingerprintOf(earlier.passwordDigest(), user.passwordHash());
            if (passwordChanged || !earlier.roles().equals(roles)) {
                changes.add(change(
                        name, "access-changed", "roles=" + roles + (passwordChanged ? "; password changed" : ""), at));
                store(
                        name,
                        roles,
                        user,
                        "UPDATE api_user_access SET roles = ?1, password_digest = ?2 WHERE user_name = ?3");
            }
        });
        before.keySet().stream().filter(name -> !now.containsKey(name)).forEach(name -> {
            changes.add(change(name, "access-revoked", null, at));
            entityManager
                    .createNativeQuery("DELETE FROM api_user_access WHERE user_name = ?1")
                    .setParameter(1, name)
                    .executeUpdate();
        });
        trail.append(changes);
    }

    private static AuditRecord change(String user, String action, String detail, Instant at) {
        return new AuditRecord(CONFIGURATION, action, user, null, detail, at);
    }

    private void store(String name, String roles, ApiUsers.ApiUser user, String statement) {
        entityManager
                .createNativeQuery(statement)
                .setParameter(1, roles)
                .setParameter(2, keys.fingerprint(user.passwordHash()))
                .setParameter(3, name)
                .executeUpdate();
    }
}
