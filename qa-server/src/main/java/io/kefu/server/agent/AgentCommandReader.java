package io.kefu.server.agent;

import io.kefu.server.queue.HandoffException;
import io.kefu.server.system.SafeText;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a console's text frame into an {@link AgentCommand}; a frame that does not read becomes one that says why. */
@Component
class AgentCommandReader {

    /** The width of messages.client_id, where a reply's id is kept. */
    static final int MAX_REPLY_ID_LENGTH = 64;

    private final JsonMapper json;

    AgentCommandReader(JsonMapper json) {
        this.json = json;
    }

    // no size check here: the socket handler closes a connection whose frame exceeds twice
    // kefu.chat.max-frame-chars (1009, FrameParts); texts have their own limits where they are used
    AgentCommand read(String payload) {
        JsonNode frame;
        try {
            frame = json.readTree(payload);
        } catch (JacksonException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject()) {
            return new AgentCommand.Unreadable(null, new HandoffException("bad_json", "消息格式不正确，请发送 JSON 对象。"));
        }
        // cleaned: the ref is echoed in the answer, and a lone surrogate in it could not be sent
        String ref = frame.path("ref").isString() ? SafeText.clean(frame.path("ref").asString()) : null;
        try {
            return command(frame, ref);
        } catch (HandoffException e) {
            return new AgentCommand.Unreadable(ref, e);
        }
    }

    private static AgentCommand command(JsonNode frame, String ref) {
        String type = field(frame, "type");
        String conversation = field(frame, "conversation");
        return switch (type == null ? "" : type) {
            case "ping" -> new AgentCommand.Ping(ref);
            case "status" -> new AgentCommand.SetStatus(ref, field(frame, "status"));
            case "pick" -> new AgentCommand.Pick(ref, conversation);
            case "open" -> new AgentCommand.Open(ref, conversation);
            case "reply" -> new AgentCommand.Reply(ref, conversation, replyId(frame), field(frame, "text"));
            case "typing" -> new AgentCommand.Typing(ref, conversation, flag(frame, "on"));
            case "note" -> new AgentCommand.Note(ref, conversation, field(frame, "text"));
            case "suggest" -> new AgentCommand.Suggest(ref, conversation, field(frame, "text"));
            case "transfer" -> {
                String group = field(frame, "group");
                yield group != null ? new AgentCommand.TransferToGroup(ref, conversation, group)
                        : new AgentCommand.TransferToAgent(ref, conversation, field(frame, "agent"));
            }
            case "handback" -> new AgentCommand.HandBack(ref, conversation);
            case "close" -> new AgentCommand.Close(ref, conversation, field(frame, "tag"));
            case "takeover" -> new AgentCommand.Takeover(ref, conversation);
            case "reassign" -> new AgentCommand.Reassign(ref, conversation, field(frame, "agent"));
            default -> throw new HandoffException("unknown_type", "不支持的消息类型。");
        };
    }

    /** A reply's id, like a customer message's: 1 to 64 characters, nothing that cleaning would drop. */
    private static String replyId(JsonNode frame) {
        String id = field(frame, "id");
        if (id == null || id.isEmpty() || id.length() > MAX_REPLY_ID_LENGTH || !id.equals(SafeText.clean(id))) {
            throw new HandoffException("bad_frame", "消息格式不正确：回复须带 1 到 " + MAX_REPLY_ID_LENGTH + " 个字符的 id。");
        }
        return id;
    }

    /** A field that must be JSON {@code true} or {@code false}: an object or a string is not read as either. */
    private static boolean flag(JsonNode frame, String name) {
        JsonNode value = frame.get(name);
        if (value == null || !value.isBoolean()) {
            throw new HandoffException("bad_frame", "消息格式不正确：字段 " + name + " 须为 true 或 false。");
        }
        return value.booleanValue();
    }

    private static String field(JsonNode frame, String name) {
        JsonNode value = frame.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isString()) throw new HandoffException("bad_frame", "消息格式不正确：字段 " + name + " 须为字符串。");
        return value.asString();
    }
}
