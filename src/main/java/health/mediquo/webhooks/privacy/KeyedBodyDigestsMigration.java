package health.mediquo.webhooks.privacy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 5: keys, with the current digest key, the plain SHA-256 body digests stored before version 4, so that
 * no stored digest can confirm a guessed body and every body stored before is still recognised when sent again.
 */
@Dependent
public class KeyedBodyDigestsMigration implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(KeyedBodyDigestsMigration.class.getName());
    private static final int BATCH_ROWS = 1_000;

    @Inject
    KeyedDigests digests;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "key the body digests stored before";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long keyed = 0;
        try (PreparedStatement plain = connection.prepareStatement(
                        "SELECT id, body_digest FROM delivery WHERE body_digest NOT LIKE '%:%'");
                PreparedStatement update =
                        connection.prepareStatement("UPDATE delivery SET body_digest = ? WHERE id = ?")) {
            plain.setFetchSize(BATCH_ROWS);
            try (ResultSet rows = plain.executeQuery()) {
                while (rows.next()) {
                    byte[] sha256 = HexFormat.of().parseHex(rows.getString(2).strip());
                    update.setString(1, digests.ofSha256(sha256).current());
                    update.setString(2, rows.getString(1));
                    update.addBatch();
                    if (++keyed % BATCH_ROWS == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        long done = keyed;
        LOG.info(() -> "Body digests keyed with the digest key '%s': %d".formatted(digests.currentKeyId(), done));
    }
}
