package health.mediquo.webhooks.operations;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the file of the embedded H2 database from growing without bound; does nothing on any other database.
 *
 * <p>The embedded pool opens H2 with {@code WRITE_DELAY=0}, so that each commit is on file before the delivery is
 * acknowledged. H2 then writes every commit as a chunk of its own and runs no background compaction (H2 issue #442:
 * the application is to compact), so the file grew by about 30 KB per commit, for good. Every half second this syncs the
 * file to the device and rewrites the live pages of mostly dead chunks. H2 reuses the space of a dead chunk only
 * after its retention time, which assumes the chunks written since are on the device by then; H2's own 45 s relies on
 * the operating system's write-back, and kept 45 s of writes in the file (hundreds of MB under load). With a sync
 * every half second, 5 s is safe, and a power loss takes about the last half second's commits at most.
 */
@Singleton
public class H2StoreCompaction {

    private static final Logger LOG = Logger.getLogger(H2StoreCompaction.class.getName());
    private static final long INTERVAL_MILLIS = 500;
    private static final int RETENTION_MILLIS = 5_000;

    @Resource
    TimerService timers;

    @Resource(lookup = "jdbc/mediquo")
    DataSource dataSource;

    private H2Store store;

    /** A business method, as an EJB's observer must be; the database is opened by the migration first. */
    public void schedule(@Observes SchemaMigrated schemaReady) {
        try (Connection pooled = dataSource.getConnection()) {
            if (!"H2".equals(pooled.getMetaData().getDatabaseProductName())) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached", e);
        }
        if (!h2ClassesVisible()) {
            LOG.warning("H2's file is not compacted while the receiver runs: this server does not show H2's classes"
                    + " to applications. Compact it offline (README, \"H2's file\")");
            return;
        }
        LOG.info(() -> "H2's file is synced and compacted every %d ms".formatted(INTERVAL_MILLIS));
        timers.createIntervalTimer(INTERVAL_MILLIS, INTERVAL_MILLIS, new TimerConfig(null, false));
    }

    private static boolean h2ClassesVisible() {
        try {
            Class.forName("org.h2.mvstore.MVStore", false, H2StoreCompaction.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Opens the store at the first tick, and again whenever H2 has closed the database (e.g. taken exclusively). */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void compact(Timer timer) {
        if (store == null || store.isClosed()) {
            close();
            try (Connection pooled = dataSource.getConnection()) {
                Optional<H2Store> opened = H2Store.besidePoolOf(pooled, RETENTION_MILLIS);
                if (opened.isEmpty()) {
                    LOG.warning("H2's file is compacted by the process that opened it first, not by this one: the"
                            + " database was open in another process when the receiver started");
                    timer.cancel();
                    return;
                }
                store = opened.get();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "H2's store cannot be opened for compaction now", e);
                return;
            }
        }
        store.syncAndCompact();
    }

    @PreDestroy
    void close() {
        if (store != null) {
            try {
                store.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "H2's store connection did not close", e);
            }
            store = null;
        }
    }
}
