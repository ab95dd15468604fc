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

    /** Sorts before every row id. */
    static final String BEFORE_THE_FIRST_ROW = "";

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    FieldCipher cipher;

    /** One batch: how many rows it resealed, and the id to continue after; no id once the table is done. */
    record Batch(int rows, String lastId) {}

    /**
     * Reseals the next batch of the table's rows after {@code afterId} that hold a value sealed with an older key. Rows
     * that another re-encryption (on another instance) is resealing are skipped: that one reseals them.
     */
    @Transactional
    public Batch resealBatch(SealedColumns sealed, String afterId) {
        String lastId = endOfBatch(sealed, afterId);
        if (lastId == null) {
            return new Batch(0, null);
        }
        List<String> columns = sealed.columns();
        List<Object[]> rows = claimOutdated(sealed, afterId, lastId).getResultList();
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
        return new Batch(rows.size(), lastId);
    }

    /** True once no row of the table holds a value sealed with an older key, committed or being resealed. */
    public boolean isDone(SealedColumns sealed) {
        Number outdated = (Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM " + sealed.table() + " WHERE " + outdatedCondition(sealed))
                .setParameter(1, cipher.currentKeyId() + ":%")
                .getSingleResult();
        return outdated.longValue() == 0;
    }

    /** The id that ends the next batch of outdated rows, or null when none is left after {@code afterId}. */
    private String endOfBatch(SealedColumns sealed, String afterId) {
        return (String) entityManager
                .createNativeQuery("SELECT MAX(id) FROM (SELECT id FROM " + sealed.table() + " WHERE id > ?2 AND ("
                        + outdatedCondition(sealed) + ") ORDER BY id LIMIT ?3) AS batch")
                .setParameter(1, cipher.currentKeyId() + ":%")
                .setParameter(2, afterId)
                .setParameter(3, BATCH_ROWS)
                .getSingleResult();
    }

    /**
     * Locks the batch's outdated rows, skipping those locked elsewhere. Bounded by an id range rather than a LIMIT:
     * H2 locks every row that matches before it applies the LIMIT, which made each batch lock the rest of the table.
     */
    private Query claimOutdated(SealedColumns sealed, String afterId, String lastId) {
        return entityManager
                .createNativeQuery("SELECT id, " + String.join(", ", sealed.columns()) + " FROM " + sealed.table()
                        + " WHERE id > ?2 AND id <= ?3 AND (" + outdatedCondition(sealed) + ") FOR UPDATE SKIP LOCKED")
                .setParameter(1, cipher.currentKeyId() + ":%")
                .setParameter(2, afterId)
                .setParameter(3, lastId);
    }

    private static String outdatedCondition(SealedColumns sealed) {
        return sealed.columns().stream()
                .map(column -> "(" + column + " IS NOT NULL AND " + column + " NOT LIKE ?1)")
                .collect(Collectors.joining(" OR "));
    }

    private String reseal(String stored) {
        if (stored == null || cipher.isUnderCurrentKey(stored)) {
            return stored;
        }
        return cipher.seal(cipher.open(stored));
    }
}
