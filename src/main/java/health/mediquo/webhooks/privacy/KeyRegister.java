package health.mediquo.webhooks.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * The database's record of the keys that sealed its data, each with a known text sealed under it. Comparing the
 * configuration against it at startup catches a wrong key before a single row is written with it, and a missing key
 * before a single row fails to open.
 */
@ApplicationScoped
public class KeyRegister {

    private static final Logger LOG = Logger.getLogger(KeyRegister.class.getName());
    private static final String CHECK_TEXT = "mediquo-webhooks key check";

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    FieldCipher cipher;

    /** @throws InvalidKeyConfiguration when the configured keys cannot open what the database holds */
    @Transactional
    public void verify() {
        List<Object[]> registered = entityManager
                .createNativeQuery("SELECT id, check_value FROM encryption_key")
                .getResultList();
        for (Object[] key : registered) {
            verify((String) key[0], (String) key[1]);
        }
        String current = cipher.currentKeyId();
        if (registered.stream().noneMatch(key -> current.equals(key[0]))) {
            entityManager
                    .createNativeQuery(
                            "INSERT INTO encryption_key (id, check_value, registered_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, current)
                    .setParameter(2, cipher.seal(CHECK_TEXT))
                    .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                    .executeUpdate();
            LOG.info(() -> "Data key '" + current + "' registered: new data is sealed with it");
        }
    }

    private void verify(String id, String checkValue) {
        if (cipher.keys().byId(id).isEmpty()) {
            throw new InvalidKeyConfiguration("This database holds data sealed with the key '" + id
                    + "', which is not configured: add it to " + KeyRing.KEY_IDS + " and set "
                    + KeyRing.keyProperty(id) + ". A key can be dropped only after re-encryption has retired it.");
        }
        try {
            if (!CHECK_TEXT.equals(cipher.open(checkValue))) {
                throw new UnreadableCiphertext("check text differs");
            }
        } catch (UnreadableCiphertext e) {
            throw new InvalidKeyConfiguration(KeyRing.keyProperty(id) + " is not the key '" + id
                    + "' that sealed this database's data; refusing to start rather than write with it.");
        }
    }

    /** Forgets every key but the current one, once no row is sealed with them any more. */
    @Transactional
    public List<String> retireAllButCurrent() {
        String current = cipher.currentKeyId();
        List<String> retired = entityManager
                .createNativeQuery("SELECT id FROM encryption_key WHERE id <> ?1 ORDER BY id")
                .setParameter(1, current)
                .getResultList();
        entityManager
                .createNativeQuery("DELETE FROM encryption_key WHERE id <> ?1")
                .setParameter(1, current)
                .executeUpdate();
        return retired;
    }
}
