package health.mediquo.webhooks.inbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * How many rejected deliveries wait for a reprocess (or for the retention purge). Counted with plain JDBC on a
 * DataSource the caller holds: the readiness check and the metrics endpoint run on Payara's own threads, where neither
 * an EntityManager nor a bean of ours that no request has created yet can be used (IllegalStateException).
 */
public final class RejectedDeliveriesWaiting {

    private RejectedDeliveriesWaiting() {}

    public static long count(DataSource database) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM delivery WHERE status = 'REJECTED'")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The rejected deliveries could not be counted", e);
        }
    }
}
