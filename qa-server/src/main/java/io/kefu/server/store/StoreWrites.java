package io.kefu.server.store;

/**
 * What stands between a commit and the database's file. PostgreSQL's commits are in its files when they return;
 * the embedded H2's are written by a {@link GroupCommit}.
 */
public interface StoreWrites {

    /** Nothing to wait for: the database's commits are durable when they return. */
    StoreWrites AT_COMMIT = () -> { };

    /**
     * Returns once everything this thread committed is in the database's file (the operating system's).
     *
     * @throws StoreWriteException when it could not be written
     */
    void awaitWritten();
}
