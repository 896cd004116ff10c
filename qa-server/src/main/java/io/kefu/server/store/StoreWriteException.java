package io.kefu.server.store;

/** What was committed could not be written to the database's file: it must not be acknowledged. */
public final class StoreWriteException extends RuntimeException {

    public StoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
