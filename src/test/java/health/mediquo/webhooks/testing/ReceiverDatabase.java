package health.mediquo.webhooks.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The receiver's own H2 database, opened beside the running server (the embedded pool sets AUTO_SERVER), so that
 * tests see what really was stored, and what was not.
 */
public final class ReceiverDatabase {

    private static final String URL =
            "jdbc:h2:file:" + System.getProperty("it.data.dir") + "/h2/mediquo;AUTO_SERVER=TRUE";

    private ReceiverDatabase() {}

    public static long count(String sql, Object... parameters) {
        return ((Number) row(sql, parameters).orElseThrow().values().iterator().next()).longValue();
    }

    /** The first row of the query, by lower-case column name. */
    public static Optional<Map<String, Object>> row(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData columns = result.getMetaData();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnLabel(i).toLowerCase(), result.getObject(i));
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long totalRows() {
        return count("SELECT (SELECT COUNT(*) FROM delivery) + (SELECT COUNT(*) FROM patient_report)"
                + " + (SELECT COUNT(*) FROM notification)");
    }

    /**
     * Runs {@code during} while the database refuses every other connection and has closed those open (H2's exclusive
     * mode): to the receiver, the database is down.
     */
    public static void whileUnavailable(Runnable during) {
        try (Connection connection = connect()) {
            connection.createStatement().execute("SET EXCLUSIVE 2");
            try {
                during.run();
            } finally {
                connection.createStatement().execute("SET EXCLUSIVE 0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "", "");
    }
}
