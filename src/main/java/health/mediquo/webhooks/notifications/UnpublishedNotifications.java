package health.mediquo.webhooks.notifications;

import health.mediquo.webhooks.operations.JdbcCount;
import javax.sql.DataSource;

/** How many notifications of the outbox wait to be published. */
public final class UnpublishedNotifications {

    private UnpublishedNotifications() {}

    public static long count(DataSource database) {
        return JdbcCount.of(database, "SELECT COUNT(*) FROM notification WHERE published_at IS NULL");
    }
}
