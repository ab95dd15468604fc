package health.mediquo.webhooks.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Moves every sealed value to the current key, one batch of rows per transaction, straight in SQL: the entities'
 * attributes are immutable, and their clear text never changes anyway.
 */
@ApplicationScoped
public class ReEncryption {

    static final int BATCH_ROWS = 200;

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    FieldCipher cipher;

    /** Reseals up to one batch of the table's rows that hold a value sealed with an older key; returns how many. */
    @Transactional
    public int resealBatch(SealedColumns sealed) {
        List<String> columns = sealed.columns();
        List<Object[]> rows = selectOutdated(sealed).setMaxResults(BATCH_ROWS).getResultList();
        String assignments = IntStream.rangeClosed(1, columns.size())
                .mapToObj(position -> columns.get(position - 1) + " = ?" + position)
                .collect(Collectors.joining(", "));
        String update = "UPDATE " + sealed.table() + " SET " + assignments + " WHERE id = ?" + (columns.size() + 1);
        for (Object[] row : rows) {
            Query resealed = entityManager.createNativeQuery(update).setParameter(columns.size() + 1, row[0]);
            for (int position = 1; position <= columns.size(); position++) {
                resealed.setParameter(position, reseal((String) row[position]));
            }
            resealed.executeUpdate();
        }
        return rows.size();
    }

    private Query selectOutdated(SealedColumns sealed) {
        String outdated = sealed.columns().stream()
                .map(column -> "(" + column + " IS NOT NULL AND " + column + " NOT LIKE ?1)")
                .collect(Collectors.joining(" OR "));
        return entityManager
                .createNativeQuery("SELECT id, " + String.join(", ", sealed.columns()) + " FROM " + sealed.table()
                        + " WHERE " + outdated + " ORDER BY id")
                .setParameter(1, cipher.currentKeyId() + ":%");
    }

    private String reseal(String stored) {
        if (stored == null || cipher.isUnderCurrentKey(stored)) {
            return stored;
        }
        return cipher.seal(cipher.open(stored));
    }
}
