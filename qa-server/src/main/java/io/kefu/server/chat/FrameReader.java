package io.kefu.server.chat;

import io.kefu.server.conversation.ConversationException;
import io.kefu.server.conversation.CustomerTexts;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.SafeText;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a text frame into a {@link ClientFrame}, or a {@link ConversationException} naming what is wrong, in Chinese. */
@Component
class FrameReader {

    static final int VERSION = 1;
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_TOKEN_LENGTH = 128;
    static final int MAX_COMMENT_LENGTH = 500;
    static final int MAX_PROFILE_LENGTH = 1024;

    private final JsonMapper json;
    private final KefuProperties.Chat limits;

    FrameReader(JsonMapper json, KefuProperties properties) {
        this.json = json;
        this.limits = properties.chat();
    }

    ClientFrame read(String payload) {
        if (payload.length() > limits.maxFrameChars()) {
            throw new ConversationException("too_large", CustomerTexts.tooLarge(limits.maxFrameChars()));
        }
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JacksonException e) {
            throw new ConversationException("bad_json", CustomerTexts.BAD_JSON);
        }
        if (node == null || !node.isObject()) throw new ConversationException("bad_json", CustomerTexts.BAD_JSON);
        String type = text(node, "type", 32, true);
        return switch (type) {
            case "hello" -> hello(node);
            case "message" -> message(node);
            case "typing" -> new ClientFrame.Typing(flag(node, "on"));
            case "ping" -> new ClientFrame.Ping();
            case "close" -> new ClientFrame.Close();
            case "rate" -> rate(node);
            case "vote" -> vote(node);
            default -> throw new ConversationException("unknown_type", CustomerTexts.unknownType(SafeText.clean(type)));
        };
    }

    private ClientFrame hello(JsonNode node) {
        JsonNode version = node.get("v");
        // canConvertToInt first: asInt() throws for a number beyond int (the fuzz test sent 1e30)
        if (version != null && !(version.isIntegralNumber() && version.canConvertToInt() && version.asInt() == VERSION)) {
            throw new ConversationException("unsupported_version", CustomerTexts.UNSUPPORTED_VERSION);
        }
        JsonNode lastSeq = node.get("lastSeq");
        if (lastSeq != null && !lastSeq.isNull() && !(lastSeq.canConvertToLong() && lastSeq.isIntegralNumber()
                && lastSeq.asLong() >= 0)) {
            throw bad("lastSeq");
        }
        return new ClientFrame.Hello(text(node, "token", MAX_TOKEN_LENGTH, false),
                text(node, "conversation", MAX_ID_LENGTH, false),
                lastSeq == null || lastSeq.isNull() ? 0 : lastSeq.asLong(),
                text(node, "profile", MAX_PROFILE_LENGTH, false));
    }

    private ClientFrame message(JsonNode node) {
        String id = id(node);
        JsonNode textNode = node.get("text");
        if (textNode == null || !textNode.isString()) throw new ConversationException("bad_frame", CustomerTexts.MISSING_TEXT, id);
        String text = SafeText.clean(textNode.asString());
        if (text.isBlank()) throw new ConversationException("empty_message", CustomerTexts.EMPTY_MESSAGE, id);
        if (text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
            throw new ConversationException("too_long", CustomerTexts.tooLong(limits.maxMessageLength()), id);
        }
        return new ClientFrame.Message(id, text, text(node, "suggestion", 128, false));
    }

    private ClientFrame vote(JsonNode node) {
        JsonNode seq = node.get("seq");
        JsonNode helpful = node.get("helpful");
        if (seq == null || !seq.isIntegralNumber() || seq.asLong() < 1 || helpful == null || !helpful.isBoolean()) {
            throw new ConversationException("bad_vote", "评价格式不正确。");
        }
        return new ClientFrame.Vote(seq.asLong(), helpful.asBoolean());
    }

    private ClientFrame rate(JsonNode node) {
        JsonNode stars = node.get("stars");
        if (stars == null || !stars.isIntegralNumber() || !stars.canConvertToInt() || stars.asInt() < 1
                || stars.asInt() > 5) {
            throw new ConversationException("bad_rating", CustomerTexts.BAD_STARS);
        }
        String comment = text(node, "comment", Integer.MAX_VALUE, false);
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new ConversationException("bad_rating", CustomerTexts.commentTooLong(MAX_COMMENT_LENGTH));
        }
        return new ClientFrame.Rate(stars.asInt(), comment == null || comment.isBlank() ? null : comment.strip());
    }

    /** The client message id: a string (or integer) of 1 to 64 characters. */
    private static String id(JsonNode node) {
        JsonNode id = node.get("id");
        String value = id == null ? null : id.isString() ? id.asString() : id.isIntegralNumber() ? id.asString() : null;
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH
                || !value.equals(SafeText.clean(value))) {
            throw new ConversationException("bad_frame", CustomerTexts.badId(MAX_ID_LENGTH));
        }
        return value;
    }

    private static String text(JsonNode node, String field, int maxLength, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) throw bad(field);
            return null;
        }
        if (!value.isString() || value.asString().length() > maxLength) throw bad(field);
        return SafeText.clean(value.asString());
    }

    /** A field that must be JSON {@code true} or {@code false}: an object or a string is not read as either. */
    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) throw bad(field);
        return value.booleanValue();
    }

    private static ConversationException bad(String field) {
        return new ConversationException("bad_frame", CustomerTexts.badField(field));
    }
}
