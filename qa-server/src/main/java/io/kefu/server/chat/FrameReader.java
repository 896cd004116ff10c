package io.kefu.server.chat;

import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a text frame into a {@link ClientFrame}, or a {@link ChatException} naming what is wrong, in Chinese. */
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
            throw new ChatException("too_large", "消息太大了，单条消息请控制在 " + limits.maxFrameChars() + " 个字符以内。");
        }
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JacksonException e) {
            throw new ChatException("bad_json", "消息格式不正确，请发送 JSON 对象。");
        }
        if (node == null || !node.isObject()) throw new ChatException("bad_json", "消息格式不正确，请发送 JSON 对象。");
        String type = text(node, "type", 32, true);
        return switch (type) {
            case "hello" -> hello(node);
            case "message" -> message(node);
            case "typing" -> new ClientFrame.Typing(node.path("on").asBoolean(true));
            case "ping" -> new ClientFrame.Ping();
            case "close" -> new ClientFrame.Close();
            case "rate" -> rate(node);
            default -> throw new ChatException("unknown_type", "不支持的消息类型：" + clean(type) + "。");
        };
    }

    private ClientFrame hello(JsonNode node) {
        JsonNode version = node.get("v");
        if (version != null && !(version.isIntegralNumber() && version.asInt() == VERSION)) {
            throw new ChatException("unsupported_version", "不支持的协议版本，请刷新页面后重试。");
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
        if (textNode == null || !textNode.isString()) throw new ChatException("bad_frame", "消息格式不正确：缺少 text。", id);
        String text = clean(textNode.asString());
        if (text.isBlank()) throw new ChatException("empty_message", "消息不能为空，请输入您想咨询的内容。", id);
        if (text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
            throw new ChatException("too_long", "消息太长了，请控制在 " + limits.maxMessageLength() + " 个字以内。", id);
        }
        return new ClientFrame.Message(id, text, text(node, "suggestion", 128, false));
    }

    private ClientFrame rate(JsonNode node) {
        JsonNode stars = node.get("stars");
        if (stars == null || !stars.isIntegralNumber() || stars.asInt() < 1 || stars.asInt() > 5) {
            throw new ChatException("bad_rating", "评价请选择 1 到 5 颗星。");
        }
        String comment = text(node, "comment", Integer.MAX_VALUE, false);
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new ChatException("bad_rating", "评价留言请控制在 " + MAX_COMMENT_LENGTH + " 个字以内。");
        }
        return new ClientFrame.Rate(stars.asInt(), comment == null || comment.isBlank() ? null : comment.strip());
    }

    /** The client message id: a string (or integer) of 1 to 64 characters. */
    private static String id(JsonNode node) {
        JsonNode id = node.get("id");
        String value = id == null ? null : id.isString() ? id.asString() : id.isIntegralNumber() ? id.asString() : null;
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH || !value.equals(clean(value))) {
            throw new ChatException("bad_frame", "消息格式不正确：id 须为 1 到 " + MAX_ID_LENGTH + " 个字符的字符串。");
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
        return clean(value.asString());
    }

    private static ChatException bad(String field) {
        return new ChatException("bad_frame", "消息格式不正确：字段 " + field + " 缺失或无效。");
    }

    /** Drops control characters (but line breaks and tabs) and unpaired surrogates, which no database stores. */
    static String clean(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c) && (c >= 0x20 && c != 0x7f || c == '\n' || c == '\t')) {
                out.append(c);
            }
        }
        return out.length() == text.length() ? text : out.toString();
    }
}
