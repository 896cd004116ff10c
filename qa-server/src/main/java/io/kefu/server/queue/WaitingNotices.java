package io.kefu.server.queue;

import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.CustomerChannel;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.Routing;
import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Waiting customers hear their place in the queue and the estimated wait, when they connect and when it changes. */
@Component
class WaitingNotices {

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final CustomerChannel customers;
    private final Duration averageHandleTime;
    /** The position each waiting customer on this node was last told, so that they hear only of changes. */
    private final Map<String, Integer> toldPositions = new ConcurrentHashMap<>();

    WaitingNotices(ConversationStore conversations, AgentStore agents, CustomerChannel customers,
                   KefuProperties properties) {
        this.conversations = conversations;
        this.agents = agents;
        this.customers = customers;
        this.averageHandleTime = properties.handoff().averageHandleTime();
    }

    /** A customer who connects while waiting hears their place. */
    void connected(String conversationId) {
        if (conversations.handoff(conversationId).filter(HandoffState.WAITING::equals).isEmpty()) return;
        int position = position(conversationId);
        if (position > 0) customers.queue(conversationId, position, position * secondsPerPlace());
    }

    /** The customers on this node whose place changed hear the new one. */
    void changed(List<Routing> queue) {
        List<String> ids = queue.stream().map(Routing::id).toList();
        toldPositions.keySet().retainAll(ids);
        long perPlace = queue.isEmpty() ? 0 : secondsPerPlace();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Integer told = toldPositions.put(id, i + 1);
            if (customers.connected(id) && (told == null || told != i + 1)) customers.queue(id, i + 1, (i + 1) * perPlace);
        }
    }

    /** The conversation's place in the queue (1: next), or 0 when it is not waiting. */
    int position(String conversationId) {
        List<Routing> queue = conversations.queue();
        for (int i = 0; i < queue.size(); i++) if (queue.get(i).id().equals(conversationId)) return i + 1;
        return 0;
    }

    /** The estimated wait per place in the queue: average handling time ÷ agents online (at least one). */
    long secondsPerPlace() {
        return averageHandleTime.toSeconds() / Math.max(1, agents.onlineAgents());
    }
}
