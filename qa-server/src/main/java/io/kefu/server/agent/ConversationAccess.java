package io.kefu.server.agent;

import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.Routing;
import io.kefu.server.queue.HandoffException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a conversation from a console: an agent only with the conversations assigned to them, a
 * supervisor with any. A conversation an agent may not see is "forbidden" whether or not it exists, so guessing ids
 * teaches nothing.
 */
@Component
class ConversationAccess {

    private static final int MAX_ID_LENGTH = 64;

    private final ConversationStore store;

    ConversationAccess(ConversationStore store) {
        this.store = store;
    }

    static void requireSupervisor(AgentConsole console) {
        if (!console.supervisor()) throw HandoffException.forbidden();
    }

    /** The conversation, if this console's agent is the one assigned to it (and it is open). */
    Routing requireAssigned(AgentConsole console, String conversationId) {
        Routing routing = store.routing(required(conversationId, "conversation"))
                .orElseThrow(HandoffException::forbidden);
        if (!routing.servedBy(console.username()) || !routing.open()) throw HandoffException.forbidden();
        return routing;
    }

    /** The conversation, if this console's agent is assigned to it or is a supervisor. */
    Routing requireServing(AgentConsole console, String conversationId) {
        if (!console.supervisor()) return requireAssigned(console, conversationId);
        return store.routing(required(conversationId, "conversation"))
                .orElseThrow(() -> new HandoffException("not_found", "会话不存在。"));
    }

    /** A frame's id field: present and of a sane length. */
    static String required(String value, String field) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new HandoffException("bad_frame", "消息格式不正确：字段 " + field + " 缺失或无效。");
        }
        return value;
    }
}
