package health.mediquo.webhooks.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * The database's record of the keys that sealed or digested its data, each with a check value made with it. Comparing
 * the configuration against it at startup catches a wrong key before a single row is written with it, and a missing
 * key before a single row fails to open or a duplicate goes unrecognised.
 */
@ApplicationScoped
public class KeyRegister {

    private static final Logger LOG = Logger.getLogger(KeyRegister.class.getName());

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    /** @throws InvalidKeyConfiguration when the configured keys cannot read what the database holds */
    @Transactional
    public void verify(RegisteredKeys keys) {
        List<Object[]> registered = entityManager
                .createNativeQuery("SELECT id, check_value FROM " + keys.registerTable())
                .getResultList();
        for (Object[] key : registered) {
            verify(keys, (String) key[0], (String) key[1]);
        }
        String current = keys.keys().currentId();
        if (registered.stream().noneMatch(key -> current.equals(key[0]))) {
            entityManager
                    .createNativeQuery("INSERT INTO " + keys.registerTable()
                            + " (id, check_value, registered_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, current)
                    .setParameter(2, keys.checkValue())
                    .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                    .executeUpdate();
            KeyUse use = keys.keys().use();
            LOG.info(() -> "The " + use.keyName() + " '" + current + "' is registered: new data is made with it");
        }
    }

    private static void verify(RegisteredKeys keys, String id, String checkValue) {
        KeyUse use = keys.keys().use();
        if (keys.keys().byId(id).isEmpty()) {
            throw new InvalidKeyConfiguration("This database holds data made with the " + use.keyName() + " '" + id
                    + "', which is not configured: add it to " + use.idsProperty() + " and set "
                    + use.keyProperty(id) + ". A key can be dropped only after re-encryption has retired it.");
        }
        if (!keys.madeWith(id, checkValue)) {
            throw new InvalidKeyConfiguration(use.keyProperty(id) + " is not the key '" + id
                    + "' that made this database's data; refusing to start rather than write with it.");
        }
    }

    /** Forgets every key but the current one, once no row is made with them any more. */
    @Transactional
    public List<String> retireAllButCurrent(RegisteredKeys keys) {
        String current = keys.keys().currentId();
        List<String> retired = entityManager
                .createNativeQuery("SELECT id FROM " + keys.registerTable() + " WHERE id <> ?1 ORDER BY id")
                .setParameter(1, current)
                .getResultList();
        entityManager
                .createNativeQuery("DELETE FROM " + keys.registerTable() + " WHERE id <> ?1")
                .setParameter(1, current)
                .executeUpdate();
        return retired;
    }
}
