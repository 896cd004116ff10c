package io.kefu.server.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Writes an embedded H2 database's committed changes to its file when asked, and only then. H2 on its own writes
 * them on a timer ({@code WRITE_DELAY}) from a thread of its own, which hands the write to further threads and
 * returns before it is done, so a write asked for meanwhile could find nothing left to write and return early.
 * This turns that timer off and makes {@link #run} the one regular writer (H2 still writes by itself when
 * unwritten changes pile up, but then in the committing thread, under the lock {@link #run} takes too).
 * <p>
 * Holds a connection of its own for as long as it is open, which also keeps the database open.
 */
public final class EmbeddedH2Writes implements GroupCommit.Write, AutoCloseable {

    /** H2's "no timer": neither a background writer nor a write at every commit (0 would mean that). */
    private static final int NO_TIMER = -1;

    /**
     * How often, at most, chunks that are mostly garbage are rewritten (H2's timer thread did it too): without it,
     * pages that are rarely changed keep old chunks alive and the file only grows.
     */
    private static final long HOUSEKEEPING_NANOS = 1_000_000_000L;
    /** Rewrite chunks less full than this (percent); H2's own default is 90, at a higher cost. */
    private static final int TARGET_FILL_RATE = 50;
    private static final int REWRITE_BYTES_PER_ROUND = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2Writes.class);

    private final Connection connection;
    private final MVStore store;
    private long lastHousekeeping = System.nanoTime();

    private EmbeddedH2Writes(Connection connection, MVStore store) {
        this.connection = connection;
        this.store = store;
        store.setAutoCommitDelay(NO_TIMER);
    }

    /**
     * The writes of the embedded H2 database at {@code url}; empty for any other database (PostgreSQL's commits
     * are durable when they return), H2 over the network or in memory.
     */
    public static Optional<EmbeddedH2Writes> open(String url, String user, String password) throws SQLException {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")
                || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        Connection connection = DriverManager.getConnection(url, user, password);
        try {
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                    && local.getDatabase().isPersistent()) {
                return Optional.of(new EmbeddedH2Writes(connection, local.getDatabase().getStore().getMvStore()));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Everything committed so far, written to the file (the operating system's, not yet the disk's). */
    @Override
    public void run() {
        // a connection opened with WRITE_DELAY in its URL would start H2's timer again
        if (store.getAutoCommitDelay() != NO_TIMER) store.setAutoCommitDelay(NO_TIMER);
        store.commit();
        long now = System.nanoTime();
        if (now - lastHousekeeping >= HOUSEKEEPING_NANOS) {
            lastHousekeeping = now;
            try {
                // rewritten pages are changed pages: the next write stores them
                store.compact(TARGET_FILL_RATE, REWRITE_BYTES_PER_ROUND);
            } catch (RuntimeException e) {
                // what was committed is written (above); only the file's tidying failed, so no commit fails for it
                log.warn("the embedded database could not compact its file: {}", e.toString());
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
