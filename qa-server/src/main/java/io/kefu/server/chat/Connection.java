package io.kefu.server.chat;

import io.kefu.server.conversation.Conversation;
import io.kefu.server.conversation.ConversationException;
import io.kefu.server.conversation.CustomerTexts;
import org.springframework.web.socket.WebSocketSession;

/** One customer socket: its thread-safe session, its rate limit, and its conversation once it has said hello. */
final class Connection {

    private final WebSocketSession session;
    private final FrameRateLimit limit;
    private volatile Conversation conversation;
    private volatile long lastSeq;

    Connection(WebSocketSession session, FrameRateLimit limit) {
        this.session = session;
        this.limit = limit;
    }

    WebSocketSession session() {
        return session;
    }

    FrameRateLimit limit() {
        return limit;
    }

    /** The conversation, or an error frame for a client that has not said hello. */
    Conversation conversation() {
        Conversation current = conversation;
        if (current == null) throw new ConversationException("no_conversation", CustomerTexts.HELLO_FIRST);
        return current;
    }

    boolean started() {
        return conversation != null;
    }

    void start(Conversation started) {
        this.conversation = started;
        seen(started.lastSeq());
    }

    /** The latest sequence number sent on this connection. */
    long lastSeq() {
        return lastSeq;
    }

    void seen(long seq) {
        if (seq > lastSeq) lastSeq = seq;
    }
}
