package health.mediquo.webhooks.api;

import health.mediquo.webhooks.receiving.ClientError;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The {@code since} (inclusive) and {@code until} (exclusive) query parameters, as ISO-8601 instants. */
public record TimeRange(Instant since, Instant until) {

    public static TimeRange parse(String since, String until) {
        return new TimeRange(instant("since", since), instant("until", until));
    }

    public List<Predicate> within(CriteriaBuilder builder, Path<OffsetDateTime> time) {
        List<Predicate> conditions = new ArrayList<>();
        if (since != null) {
            conditions.add(builder.greaterThanOrEqualTo(time, since.atOffset(ZoneOffset.UTC)));
        }
        if (until != null) {
            conditions.add(builder.lessThan(time, until.atOffset(ZoneOffset.UTC)));
        }
        return conditions;
    }

    private static Instant instant(String name, String text) {
        try {
            return text == null || text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ClientError(400, "'" + name + "' must be an ISO-8601 instant, e.g. 2024-01-01T00:00:00Z.");
        }
    }
}
