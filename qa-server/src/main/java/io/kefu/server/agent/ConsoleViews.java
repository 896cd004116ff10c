package io.kefu.server.agent;

import io.kefu.qa.dialog.HandoffReason;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.Routing;
import io.kefu.server.queue.AgentStore;
import io.kefu.server.queue.Priority;
import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The lists an agent console shows (docs/agents.md, "Server → console"), read from the database as they are now. */
@Component
class ConsoleViews {

    private static final int LIVE_LIST_SIZE = 200;

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final KefuProperties.Handoff settings;

    ConsoleViews(ConversationStore conversations, AgentStore agents, KefuProperties properties) {
        this.conversations = conversations;
        this.agents = agents;
        this.settings = properties.handoff();
    }

    /** Who is signed in at this console, their status and load, and what the console offers them. */
    AgentFrames.Me me(AgentConsole console) {
        AgentStore.Agent agent = agents.agent(console.username()).orElse(null);
        if (agent == null) return null;
        var roles = new ArrayList<String>();
        roles.add("AGENT");
        if (console.supervisor()) roles.add("SUPERVISOR");
        if (console.admin()) roles.add("ADMIN");
        return new AgentFrames.Me("me", console.username(), console.displayName(), roles, agent.status().wireName(),
                agent.capacity(), agent.active(), settings.cannedReplies(), settings.closeTags());
    }

    /** The queue as it is now. */
    AgentFrames.Items queue() {
        return queue(conversations.queue());
    }

    AgentFrames.Items queue(List<Routing> queue) {
        var items = new ArrayList<AgentFrames.Item>();
        for (int i = 0; i < queue.size(); i++) {
            Routing r = queue.get(i);
            items.add(new AgentFrames.Item(r.id(), HandoffState.WAITING.wireName(), null, r.channel(), priority(r),
                    reason(r), AgentFrames.time(r.queuedAt()), r.lastMessage(), i + 1));
        }
        return new AgentFrames.Items("queue", items);
    }

    AgentFrames.Items mine(String agent) {
        return new AgentFrames.Items("mine", conversations.servedBy(agent).stream().map(r -> new AgentFrames.Item(
                r.id(), HandoffState.AGENT.wireName(), r.agent(), r.channel(), priority(r), reason(r), null,
                r.lastMessage(), null)).toList());
    }

    /** For supervisors: the latest open conversations, whoever answers them. */
    AgentFrames.Items live() {
        return new AgentFrames.Items("live", conversations.live(LIVE_LIST_SIZE).stream().map(r -> new AgentFrames.Item(
                r.id(), r.handoff().wireName(), r.agent(), r.channel(), priority(r), reason(r),
                AgentFrames.time(r.queuedAt()), r.lastMessage(), null)).toList());
    }

    /** For supervisors: every agent's status and load. */
    AgentFrames.Items agents() {
        return new AgentFrames.Items("agents", agents.agents().stream().map(a -> new AgentFrames.AgentLoad(
                a.username(), a.displayName(), a.connected() ? a.status().wireName() : "offline", a.active(),
                a.capacity())).toList());
    }

    private static String priority(Routing routing) {
        if (routing.priority() >= Priority.RESUMED.value()) return "requeued";
        if (routing.reason() == HandoffReason.COMPLAINT) return "complaint";
        return routing.vip() ? "vip" : "normal";
    }

    private static String reason(Routing routing) {
        return routing.reason() == null ? null : routing.reason().wireName();
    }
}
