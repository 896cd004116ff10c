package io.kefu.server.system;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Tells the connection pool which failures leave a connection unusable beyond what it knows by itself (PostgreSQL's
 * connection errors, SQLSTATE 08). The embedded H2 store that failed to write its file (a full disk) keeps
 * answering every statement with that failure until it is opened again, even once there is room, and it is opened
 * again only when its last connection is closed: so each of its connections that reports such a failure is
 * evicted, and the pool's next connection opens the store afresh. Set as
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return Override.MUST_EVICT;
            }
            if (cause.getCause() == cause) break;
        }
        return Override.CONTINUE_EVICT;
    }
}
