package io.kefu.server.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kefu.qa.Suggestion;
import io.kefu.server.conversation.ConversationException;
import io.kefu.server.conversation.ConversationService;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;

import java.util.List;

/**
 * A frame the server sends, serialised as JSON. Every one has a {@code type} and a {@code seq}: on {@code message}
 * and {@code ack} the message's own sequence number, on the others the latest one this connection has sent.
 * See docs/protocol.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
sealed interface ServerFrame {

    String type();

    long seq();

    record Limits(int maxMessageLength, int framesPerSecond, int burst, int maxFrameChars) {
    }

    record Welcome(String type, int v, long seq, String token, String conversation, boolean resumed, String greeting,
                   List<String> quickReplies, Limits limits) implements ServerFrame {
    }

    record Ack(String type, long seq, String id, boolean duplicate) implements ServerFrame {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String type, long seq, String from, String kind, String text, String id, Long replyTo,
                   List<Suggestion> suggestions, List<String> quickReplies, String at, String agent)
            implements ServerFrame {
    }

    /** The customer's place in the queue for an agent (1: next), and the estimated wait. */
    record Queue(String type, long seq, int position, long waitSeconds) implements ServerFrame {
    }

    record Typing(String type, long seq, String from, boolean on) implements ServerFrame {
    }

    record Pong(String type, long seq) implements ServerFrame {
    }

    record Rated(String type, long seq, int stars) implements ServerFrame {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, long seq, String code, String message, String id) implements ServerFrame {
    }

    static Welcome welcome(ConversationService.Session session, String greeting, List<String> quickReplies, Limits limits) {
        return new Welcome("welcome", FrameReader.VERSION, session.conversation().lastSeq(), session.token(),
                session.conversation().id(), session.resumed(), greeting, quickReplies, limits);
    }

    static Ack ack(StoredMessage message, boolean duplicate) {
        return new Ack("ack", message.seq(), message.clientId(), duplicate);
    }

    static Message message(StoredMessage message) {
        return new Message("message", message.seq(), message.sender().wireName(), message.kind(), message.text(),
                message.clientId(), message.replyTo(), message.suggestions(), message.quickReplies(),
                message.at().toString(), message.agent());
    }

    static Typing botTyping(long seq, boolean on) {
        return new Typing("typing", seq, Sender.BOT.wireName(), on);
    }

    static Pong pong(long seq) {
        return new Pong("pong", seq);
    }

    static Rated rated(long seq, int stars) {
        return new Rated("rated", seq, stars);
    }

    static Error error(long seq, ConversationException e) {
        return new Error("error", seq, e.code(), e.getMessage(), e.clientId());
    }
}
