package io.kefu.server.system;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure means the database is out of reach for now (restarting, the network down, the pool empty, the
 * disk full), as
 * opposed to a fault of ours: the first is answered with a temporary error the client retries on and one line in
 * the log, the second with {@code internal} and a stack trace.
 */
public final class StoreOutage {

    private StoreOutage() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // a statement failed on a connection the restart had cut, and then so did the rollback: the first says why
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && is(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    // the embedded store could not write its file (the disk is full): it serves again with room
                    || cause instanceof IOException
                    // ... found by the group commit, which writes for every waiting transaction at once
                    || cause instanceof io.kefu.server.store.StoreWriteException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting up
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) break;
        }
        return false;
    }

    /** The failure in one line, for the log. */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return failure.getClass().getSimpleName() + " (" + root + ")";
    }
}
