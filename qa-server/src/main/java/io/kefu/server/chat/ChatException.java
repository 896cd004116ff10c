package io.kefu.server.chat;

/**
 * A frame the server will not act on; becomes an {@code error} frame, and the connection stays open.
 *
 * @see ChatSocketHandler
 */
class ChatException extends RuntimeException {

    private final String code;
    private final String clientId;

    ChatException(String code, String customerMessage) {
        this(code, customerMessage, null);
    }

    ChatException(String code, String customerMessage, String clientId) {
        super(customerMessage);
        this.code = code;
        this.clientId = clientId;
    }

    /** Machine-readable, stable: documented in docs/protocol.md. */
    String code() {
        return code;
    }

    /** The client message id the error is about, if any. */
    String clientId() {
        return clientId;
    }
}
