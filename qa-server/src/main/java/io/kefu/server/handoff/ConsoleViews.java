package io.kefu.server.handoff;

import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The lists an agent console shows (docs/agents.md, "Server → console"), read from the database as they are now. */
@Component
class ConsoleViews {

    private static final int LIVE_LIST_SIZE = 200;

    private final HandoffStore store;
    private final KefuProperties.Handoff settings;

    ConsoleViews(HandoffStore store, KefuProperties properties) {
        this.store = store;
        this.settings = properties.handoff();
    }

    /** Who is signed in at this console, their status and load, and what the console offers them. */
    AgentFrames.Me me(AgentConsole console) {
        HandoffStore.Agent agent = store.agent(console.username()).orElse(null);
        if (agent == null) return null;
        var roles = new ArrayList<String>();
        roles.add("AGENT");
        if (console.supervisor()) roles.add("SUPERVISOR");
        if (console.admin()) roles.add("ADMIN");
        return new AgentFrames.Me("me", console.username(), console.displayName(), roles, agent.status(),
                agent.capacity(), agent.active(), settings.cannedReplies(), settings.closeTags());
    }

    AgentFrames.Items queue(List<HandoffStore.Routed> queue) {
        var items = new ArrayList<AgentFrames.Item>();
        for (int i = 0; i < queue.size(); i++) {
            HandoffStore.Routed r = queue.get(i);
            items.add(new AgentFrames.Item(r.id(), "waiting", null, r.channel(), priority(r), r.reason(),
                    AgentFrames.time(r.queuedAt()), r.lastMessage(), i + 1));
        }
        return new AgentFrames.Items("queue", items);
    }

    AgentFrames.Items mine(String agent) {
        return new AgentFrames.Items("mine", store.servedBy(agent).stream().map(r -> new AgentFrames.Item(r.id(),
                "agent", r.agent(), r.channel(), priority(r), r.reason(), null, r.lastMessage(), null)).toList());
    }

    /** For supervisors: the latest open conversations, whoever answers them. */
    AgentFrames.Items live() {
        return new AgentFrames.Items("live", store.live(LIVE_LIST_SIZE).stream().map(r -> new AgentFrames.Item(r.id(),
                r.handoff(), r.agent(), r.channel(), priority(r), r.reason(), AgentFrames.time(r.queuedAt()),
                r.lastMessage(), null)).toList());
    }

    /** For supervisors: every agent's status and load. */
    AgentFrames.Items agents() {
        return new AgentFrames.Items("agents", store.agents().stream().map(a -> new AgentFrames.AgentLoad(
                a.username(), a.displayName(), a.connected() ? a.status() : "offline", a.active(), a.capacity()))
                .toList());
    }

    private static String priority(HandoffStore.Routed routed) {
        if (routed.priority() >= HandoffService.PRIORITY_RESUMED) return "requeued";
        if ("complaint".equals(routed.reason())) return "complaint";
        return routed.vip() ? "vip" : "normal";
    }
}
