package health.mediquo.webhooks.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.h2.Driver;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The store under the receiver's H2 database, held open beside the pool. H2 can flush and compact its file while it
 * runs only through this API: no SQL statement does it, and the server's pool hands out connections that do not
 * unwrap to H2's own class. A connection of H2's driver to the pool's URL joins the database this process already has
 * open.
 */
final class H2Store implements AutoCloseable {

    /**
     * H2 rewrites only while the live pages fill less than this share of all chunks, and then takes the chunks with
     * the least live data for their age first. Under load the share stays below 50 %, so the rewrite limit below, not
     * this, sets the pace: 50 measured the same file size, at the same latency.
     */
    private static final int TARGET_FILL_PERCENT = 90;

    /**
     * Small, because the thread that writes a chunk keeps a direct buffer of its size for good (the JDK's cache of
     * temporary buffers, on a JVM without the run command's cap), and the timer runs on any thread of the EJB pool:
     * with 16 MB the embedded server ran out of direct memory under the benchmark's bulk load. More also buys little:
     * at 333 deliveries/s, 8 MB kept the file 8 % smaller than 2 MB, but the server wrote twice as much and the
     * acknowledgement's p99 rose from 55 to 149 ms.
     */
    private static final int MAX_REWRITE_BYTES = 2 << 20;

    private final Connection connection;
    private final MVStore store;

    private H2Store(Connection connection, MVStore store) {
        this.connection = connection;
        this.store = store;
    }

    /** Empty when another process opened the database first and this one reaches it through that one's server. */
    static Optional<H2Store> besidePoolOf(Connection pooled, int retentionMillis) throws SQLException {
        Connection own = Driver.load().connect(pooled.getMetaData().getURL(), new Properties());
        if (!(((JdbcConnection) own).getSession() instanceof SessionLocal session)) {
            own.close();
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        store.setRetentionTime(retentionMillis);
        return Optional.of(new H2Store(own, store));
    }

    /** True once H2 has closed the database (its last connection closed, or another took it exclusively). */
    boolean isClosed() {
        return store.isClosed();
    }

    /**
     * Makes every commit so far durable on the device, then rewrites the live pages of mostly dead chunks into a new
     * one. Writing it also frees the chunks dead for longer than the retention time: H2 does that only when it writes.
     * With nothing left to rewrite they are freed all the same, under the store's lock as H2's own housekeeping does:
     * else, once the receiver is idle, the file keeps what the last rewrites left dead, up to the retention time's
     * worth of rewrites (seen once: 18 MB for good after {@code EmbeddedDatabaseFileIT}'s 2,000 deliveries).
     */
    void syncAndCompact() {
        store.sync();
        if (store.compact(TARGET_FILL_PERCENT, MAX_REWRITE_BYTES)) {
            store.commit();
        } else {
            store.executeFilestoreOperation(store.getFileStore()::dropUnusedChunks);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
