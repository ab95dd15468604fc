package health.mediquo.webhooks.inbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * How many rejected deliveries wait for a reprocess (or for the retention purge). Counted with plain JDBC: the
 * readiness check and the metrics endpoint run on Payara's own threads, where a JPA EntityManager that no request has
 * used yet cannot find its persistence unit (IllegalStateException), so readiness would stay DOWN.
 */
@ApplicationScoped
public class RejectedDeliveriesWaiting {

    @Resource(lookup = "jdbc/mediquo")
    DataSource dataSource;

    public long count() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM delivery WHERE status = 'REJECTED'")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The rejected deliveries could not be counted", e);
        }
    }
}
