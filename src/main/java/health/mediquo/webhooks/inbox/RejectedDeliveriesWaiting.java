package health.mediquo.webhooks.inbox;

import health.mediquo.webhooks.operations.JdbcCount;
import javax.sql.DataSource;

/** How many rejected deliveries wait for a reprocess (or for the retention purge). */
public final class RejectedDeliveriesWaiting {

    private RejectedDeliveriesWaiting() {}

    public static long count(DataSource database) {
        return JdbcCount.of(database, "SELECT COUNT(*) FROM delivery WHERE status = 'REJECTED'");
    }
}
