package io.kefu.server.conversation;

/**
 * A customer's message or frame that the server will not act on: the channel tells the customer why (the web chat
 * as an {@code error} frame, and the connection stays open).
 */
public class ConversationException extends RuntimeException {

    private final String code;
    private final String clientId;

    public ConversationException(String code, String customerMessage) {
        this(code, customerMessage, null);
    }

    public ConversationException(String code, String customerMessage, String clientId) {
        super(customerMessage);
        this.code = code;
        this.clientId = clientId;
    }

    /** Machine-readable, stable: documented in docs/protocol.md. */
    public String code() {
        return code;
    }

    /** The client message id the error is about, if any. */
    public String clientId() {
        return clientId;
    }
}
