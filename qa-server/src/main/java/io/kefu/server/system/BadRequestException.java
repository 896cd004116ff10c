package io.kefu.server.system;

/** A request the server refuses as malformed or invalid; its message, in Chinese, is shown to whoever sent it. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
