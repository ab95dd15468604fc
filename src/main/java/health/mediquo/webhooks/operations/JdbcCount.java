package health.mediquo.webhooks.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A count read with plain JDBC on a DataSource the caller holds, for what the readiness checks and the metrics endpoint
 * read: they run on the server's own threads, where neither an EntityManager nor a bean of ours that nothing has
 * created yet can be used (its resources are looked up in a naming context such a thread does not have; Payara Micro
 * answers IllegalStateException, NameNotFoundException).
 */
public final class JdbcCount {

    private JdbcCount() {}

    public static long of(DataSource database, String countQuery) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(countQuery)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count: " + countQuery, e);
        }
    }
}
