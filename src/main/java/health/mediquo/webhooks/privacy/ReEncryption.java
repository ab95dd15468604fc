package health.mediquo.webhooks.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Moves every keyed value (sealed text, body digests) to the current key, one batch of rows at a time in the caller's
 * transaction, straight in SQL: the entities' attributes are immutable, and their clear text never changes anyway.
 */
@ApplicationScoped
public class ReEncryption {

    static final int BATCH_ROWS = 200;

    @PersistenceContext(unitName = "mediquo")
    EntityManager entityManager;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyedDigests digests;

    /**
     * One batch: how many rows it remade, the values it could not open (their rows are left as they were), and the id
     * to continue after; no id once the table is done.
     */
    record Batch(int rows, List<SealedPlace> unreadable, String lastId) {}

    List<KeyedColumns> sealedColumns() {
        return List.of(
                new SealedColumns("delivery", List.of("body"), cipher),
                new SealedColumns(
                        "patient_report",
                        List.of("subjective", "objective", "assessment", "plan", "content_json"),
                        cipher),
                new SealedColumns("job", List.of("subject"), cipher));
    }

    KeyedColumns digestedBodies() {
        return new DigestedBodies(digests, cipher);
    }

    /**
     * Remakes the next batch of the table's rows after {@code afterId} that hold a value made with an older key. Rows
     * that another re-encryption (on another instance) is remaking are skipped: that one remakes them.
     */
    Batch remakeBatch(KeyedColumns keyed, String afterId) {
        String lastId = endOfBatch(keyed, afterId);
        if (lastId == null) {
            return new Batch(0, List.of(), null);
        }
        List<String> columns = keyed.columns();
        List<Object[]> rows = claimOutdated(keyed, afterId, lastId).getResultList();
        String assignments = IntStream.rangeClosed(1, columns.size())
                .mapToObj(position -> columns.get(position - 1) + " = ?" + position)
                .collect(Collectors.joining(", "));
        String updateSql = "UPDATE " + keyed.table() + " SET " + assignments + " WHERE id = ?" + (columns.size() + 1);
        List<SealedPlace> unreadable = new ArrayList<>();
        for (Object[] row : rows) {
            List<String> remade;
            try {
                remade = keyed.remake(
                        (String) row[0],
                        Arrays.stream(row, 1, row.length)
                                .map(String.class::cast)
                                .toList());
            } catch (UnreadableCiphertext e) {
                unreadable.add(e.place());
                continue;
            }
            Query update = entityManager.createNativeQuery(updateSql).setParameter(columns.size() + 1, row[0]);
            for (int position = 1; position <= columns.size(); position++) {
                update.setParameter(position, remade.get(position - 1));
            }
            update.executeUpdate();
        }
        return new Batch(rows.size() - unreadable.size(), unreadable, lastId);
    }

    /** True once no row of the table holds a value made with an older key, committed or being remade. */
    boolean isDone(KeyedColumns keyed) {
        return outdatedRows(keyed) == 0;
    }

    /** The rows of the table that hold a value made with an older key, as committed. */
    long outdatedRows(KeyedColumns keyed) {
        Number outdated = (Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM " + keyed.table() + " WHERE " + outdatedCondition(keyed))
                .setParameter(1, currentPrefix(keyed))
                .getSingleResult();
        return outdated.longValue();
    }

    /** The id that ends the next batch of outdated rows, or null when none is left after {@code afterId}. */
    private String endOfBatch(KeyedColumns keyed, String afterId) {
        return (String) entityManager
                .createNativeQuery("SELECT MAX(id) FROM (SELECT id FROM " + keyed.table() + " WHERE id > ?2 AND ("
                        + outdatedCondition(keyed) + ") ORDER BY id LIMIT ?3) AS batch")
                .setParameter(1, currentPrefix(keyed))
                .setParameter(2, afterId)
                .setParameter(3, BATCH_ROWS)
                .getSingleResult();
    }

    /**
     * Locks the batch's outdated rows, skipping those locked elsewhere. Bounded by an id range rather than a LIMIT:
     * H2 locks every row that matches before it applies the LIMIT, which made each batch lock the rest of the table.
     */
    private Query claimOutdated(KeyedColumns keyed, String afterId, String lastId) {
        return entityManager
                .createNativeQuery("SELECT id, " + String.join(", ", keyed.read()) + " FROM " + keyed.table()
                        + " WHERE id > ?2 AND id <= ?3 AND (" + outdatedCondition(keyed) + ") FOR UPDATE SKIP LOCKED")
                .setParameter(1, currentPrefix(keyed))
                .setParameter(2, afterId)
                .setParameter(3, lastId);
    }

    private static String currentPrefix(KeyedColumns keyed) {
        return keyed.currentPrefix() + "%";
    }

    private static String outdatedCondition(KeyedColumns keyed) {
        return keyed.columns().stream()
                .map(column -> "(" + column + " IS NOT NULL AND " + column + " NOT LIKE ?1)")
                .collect(Collectors.joining(" OR "));
    }
}
