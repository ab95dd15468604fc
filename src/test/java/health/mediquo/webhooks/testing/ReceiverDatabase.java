package health.mediquo.webhooks.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.api.ErrorCode;

/**
 * The receiver's own database (H2 opened beside the running server thanks to AUTO_SERVER, or PostgreSQL), so that
 * tests see what really was stored, and what was not. Timestamps are read as {@link Instant}s.
 */
public final class ReceiverDatabase {

    private static final String URL = System.getProperty("it.jdbc.url");

    private ReceiverDatabase() {}

    public static long count(String sql, Object... parameters) {
        return ((Number) row(sql, parameters).orElseThrow().values().iterator().next()).longValue();
    }

    /** The first column of every row of the query. */
    public static List<String> strings(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
                    row.put(columns.getColumnLabel(i).toLowerCase(), instantOrValue(result.getObject(i)));
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... parameters) {
        update(sql, parameters);
    }

    /** @return how many rows the statement changed */
    public static long update(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves the PostgreSQL database as a new one: no table, not even Flyway's history. */
    public static void dropEverything() {
        execute("DROP SCHEMA public CASCADE");
        execute("CREATE SCHEMA public");
    }

    public static boolean isH2() {
        return URL.startsWith("jdbc:h2:");
    }

    public static long totalRows() {
        return count("SELECT (SELECT COUNT(*) FROM delivery) + (SELECT COUNT(*) FROM patient_report)"
                + " + (SELECT COUNT(*) FROM notification)");
    }

    /**
     * Makes H2 close the database, as it does when its last connection closes; the next connection opens it again.
     * The statement ends the session that sent it, so a broken connection is its success.
     */
    public static void shutDownH2() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.CONNECTION_BROKEN_1) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs {@code during} while, to the receiver, the database is down: it refuses new connections and has closed
     * those the receiver held (H2's exclusive mode; a PostgreSQL database closed to connections, which is done from
     * the server's maintenance database).
     */
    public static void whileUnavailable(Runnable during) {
        if (isH2()) {
            whileClosed(URL, List.of("SET EXCLUSIVE 2"), "SET EXCLUSIVE 0", during);
            return;
        }
        String database = '"' + catalog() + '"';
        whileClosed(
                System.getProperty("it.jdbc.admin.url"),
                List.of(
                        "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + catalog() + "'"),
                "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true",
                during);
    }

    private static void whileClosed(String url, List<String> close, String reopen, Runnable during) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            for (String sql : close) {
                statement.execute(sql);
            }
            try {
                during.run();
            } finally {
                statement.execute(reopen);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String catalog() {
        try (Connection connection = connect()) {
            return connection.getCatalog();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object instantOrValue(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        return value;
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
        return DriverManager.getConnection(URL);
    }
}
