package health.mediquo.webhooks.api;

import health.mediquo.webhooks.receiving.ClientError;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Keyset pagination over one entity, newest first by a timestamp attribute and then by id: a page never skips or
 * repeats a row, however many are added meanwhile, and costs one index range scan however deep it is.
 */
public final class NewestFirst<E> {

    public static final int MAX_LIMIT = 200;

    private final Class<E> type;
    private final String timeAttribute;
    private final Function<E, Cursor> cursorOf;

    public NewestFirst(Class<E> type, String timeAttribute, Function<E, Cursor> cursorOf) {
        this.type = type;
        this.timeAttribute = timeAttribute;
        this.cursorOf = cursorOf;
    }

    /**
     * @param filters the conditions of the query, besides the cursor
     * @param after the cursor of the previous page, or null for the first page
     */
    public <T> Page<T> page(
            EntityManager entityManager,
            BiFunction<CriteriaBuilder, Root<E>, List<Predicate>> filters,
            Cursor after,
            int limit,
            Function<E, T> toItem) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ClientError(400, "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<E> query = builder.createQuery(type);
        Root<E> root = query.from(type);
        Path<OffsetDateTime> time = root.get(timeAttribute);
        Path<String> id = root.get("id");
        List<Predicate> conditions = new ArrayList<>(filters.apply(builder, root));
        if (after != null) {
            OffsetDateTime afterTime = after.time().atOffset(ZoneOffset.UTC);
            conditions.add(builder.or(
                    builder.lessThan(time, afterTime),
                    builder.and(builder.equal(time, afterTime), builder.lessThan(id, after.id()))));
        }
        query.where(conditions.toArray(Predicate[]::new)).orderBy(builder.desc(time), builder.desc(id));
        List<E> rows = entityManager.createQuery(query).setMaxResults(limit + 1).getResultList();
        List<E> items = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? cursorOf.apply(items.get(items.size() - 1)).encode()
                : null;
        return new Page<>(items.stream().map(toItem).toList(), next);
    }
}
