package io.kefu.server.agent;

import io.kefu.server.conversation.Routing;
import io.kefu.server.queue.QueueListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** The queue's changes as the consoles on this node see them: the lists, and who was given or lost what. */
@Component
class ConsoleUpdates implements QueueListener {

    private final AgentConsoles consoles;
    private final ConsoleViews views;

    ConsoleUpdates(AgentConsoles consoles, ConsoleViews views) {
        this.consoles = consoles;
        this.views = views;
    }

    @Override
    public void assigned(String conversation, String agent, String by) {
        consoles.toAgent(agent, new AgentFrames.Assigned("assigned", conversation, by));
        sendMine(agent);
    }

    @Override
    public void released(String conversation, String agent, String why) {
        consoles.toAgent(agent, new AgentFrames.Released("released", conversation, why));
        sendMine(agent);
    }

    @Override
    public void queueChanged(List<Routing> queue) {
        consoles.toEveryone(views.queue(queue));
        if (consoles.isEmpty()) return;
        consoles.toSupervisors(views.live());
        consoles.toSupervisors(views.agents());
    }

    @Override
    public void agentsChanged() {
        consoles.toSupervisors(views.agents());
    }

    /** The console's own status and load. */
    void sendMe(AgentConsole console) {
        AgentFrames.Me me = views.me(console);
        if (me != null) consoles.send(console, me);
    }

    /** The agent's own conversations, to their consoles on this node. */
    void sendMine(String agent) {
        if (consoles.connected(agent)) consoles.toAgent(agent, views.mine(agent));
    }
}
