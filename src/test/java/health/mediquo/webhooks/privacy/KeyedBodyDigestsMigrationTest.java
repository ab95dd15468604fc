package health.mediquo.webhooks.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** An upgrade from schema version 3 keys the plain digests stored before: none is left, every body still found. */
class KeyedBodyDigestsMigrationTest {

    private static final String URL = "jdbc:h2:mem:keyed-body-digests;DB_CLOSE_DELAY=-1";
    private static final String DIGEST_KEY = "bWFkZS11cCBtaWdyYXRpb24gdGVzdCBrZXksIDMyIGI=";

    @Test
    void thePlainDigestsStoredBeforeAreKeyedWithTheCurrentDigestKey() throws Exception {
        KeyedDigests digests = SuiteKey.digests(List.of("d1"), Map.of("d1", DIGEST_KEY));
        List<byte[]> bodies = List.of(body("first"), body("second"), body("third"));
        flyway().target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(URL)) {
            for (byte[] body : bodies) {
                storedByVersion3(connection, body);
            }
        }

        KeyedBodyDigestsMigration keying = new KeyedBodyDigestsMigration();
        keying.digests = digests;
        flyway().javaMigrations(keying).load().migrate();

        List<String> expected = new ArrayList<>();
        for (byte[] body : bodies) {
            expected.add(digests.of(body).current());
        }
        assertEquals(expected.stream().sorted().toList(), storedDigests());
    }

    private static FluentConfiguration flyway() {
        return Flyway.configure().dataSource(URL, "", "").locations("classpath:db/migration");
    }

    private static byte[] body(String text) {
        return ("{\"type\":\"made_up\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void storedByVersion3(Connection connection, byte[] body) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO delivery (id, body_sha256, body, event_type, occurred_on, received_at, status)"
                        + " VALUES (RANDOM_UUID(), ?, 'k:sealed', 'made_up', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                        + " 'IGNORED')")) {
            insert.setString(
                    1,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            insert.executeUpdate();
        }
    }

    private static List<String> storedDigests() throws SQLException {
        List<String> digests = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(URL);
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT body_digest FROM delivery ORDER BY body_digest")) {
            while (rows.next()) {
                digests.add(rows.getString(1));
            }
        }
        return digests;
    }
}
