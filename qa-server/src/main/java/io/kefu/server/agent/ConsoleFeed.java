package io.kefu.server.agent;

import io.kefu.server.cluster.ClusterBus;
import io.kefu.server.cluster.ClusterEvent;
import io.kefu.server.conversation.ConversationFeed;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.Routing;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What is said in conversations, shown as it happens to the consoles that see them, on this node and (for a
 * conversation with people in it) on the others.
 */
@Component
class ConsoleFeed implements ConversationFeed {

    private final AgentConsoles consoles;
    private final AgentAssist assist;
    private final ConversationStore conversations;
    private final ClusterBus cluster;

    ConsoleFeed(AgentConsoles consoles, AgentAssist assist, ConversationStore conversations, ClusterBus cluster) {
        this.consoles = consoles;
        this.assist = assist;
        this.conversations = conversations;
        this.cluster = cluster;
    }

    @Override
    public void added(String conversationId, String agent, List<StoredMessage> messages) {
        if (messages.isEmpty()) return;
        boolean handedOff = agent != null
                || messages.stream().anyMatch(m -> m.sender() == Sender.AGENT || m.sender() == Sender.SYSTEM);
        if (handedOff) {
            cluster.publish(new ClusterEvent.Messages(conversationId, agent, messages.get(0).seq(),
                    messages.get(messages.size() - 1).seq()));
        }
        show(conversationId, agent, messages);
    }

    /** Shows new messages to the consoles on this node that see the conversation. */
    void show(String conversationId, String agent, List<StoredMessage> messages) {
        if (consoles.isEmpty()) return;
        for (StoredMessage message : messages) {
            consoles.toConversation(conversationId, agent, new AgentFrames.MessageFrame("message", conversationId,
                    AgentFrames.Message.of(message, null)));
        }
        StoredMessage last = messages.get(messages.size() - 1);
        if (agent != null && last.sender() == Sender.CUSTOMER && consoles.connected(agent)) {
            consoles.toAgent(agent, new AgentFrames.Suggestions("suggestions", conversationId,
                    assist.suggest(last.text())));
        }
    }

    @Override
    public void customerTyping(String conversationId, boolean on) {
        Routing routing = conversations.routing(conversationId).orElse(null);
        if (routing == null || routing.handoff() != HandoffState.AGENT || routing.agent() == null) return;
        cluster.publish(new ClusterEvent.CustomerTyping(conversationId, routing.agent(), on));
        showCustomerTyping(conversationId, routing.agent(), on);
    }

    void showCustomerTyping(String conversationId, String agent, boolean on) {
        consoles.toConversation(conversationId, agent, new AgentFrames.Typing("typing", conversationId, "customer", on));
    }
}
