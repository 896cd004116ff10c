package io.kefu.server.agent;

import io.kefu.server.queue.AgentStatus;
import io.kefu.server.queue.AgentStore;
import io.kefu.server.queue.Dispatcher;
import io.kefu.server.queue.HandoffException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Agents' consoles opening and closing, and the status they choose: who can be given conversations. */
@Component
class Presence {

    private final AgentStore agents;
    private final AgentConsoles consoles;
    private final ConsoleViews views;
    private final ConsoleUpdates updates;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** This node's console counts change one at a time (a node's row is created by its first console). */
    private final Object lock = new Object();

    Presence(AgentStore agents, AgentConsoles consoles, ConsoleViews views, ConsoleUpdates updates,
             Dispatcher dispatcher, Clock handoffClock, PlatformTransactionManager transactions) {
        this.agents = agents;
        this.consoles = consoles;
        this.views = views;
        this.updates = updates;
        this.dispatcher = dispatcher;
        this.clock = handoffClock;
        this.tx = new TransactionTemplate(transactions);
    }

    void opened(AgentConsole console) {
        consoles.add(console);
        synchronized (lock) {
            tx.executeWithoutResult(s -> agents.connected(console.username(), clock.instant()));
        }
        updates.sendMe(console);
        consoles.send(console, views.queue());
        consoles.send(console, views.mine(console.username()));
        if (console.supervisor()) {
            consoles.send(console, views.agents());
            consoles.send(console, views.live());
        }
        dispatcher.serve();
        dispatcher.agentsChanged();
    }

    void closed(AgentConsole console) {
        consoles.remove(console);
        synchronized (lock) {
            tx.executeWithoutResult(s -> agents.disconnected(console.username(), clock.instant()));
        }
        dispatcher.agentsChanged();
    }

    void status(AgentConsole console, String wireName) {
        AgentStatus status = AgentStatus.chosen(wireName)
                .orElseThrow(() -> new HandoffException("bad_status", "状态只能是 online、busy 或 away。"));
        tx.executeWithoutResult(s -> agents.status(console.username(), status, clock.instant()));
        for (AgentConsole mine : consoles.all()) {
            if (mine.username().equals(console.username())) updates.sendMe(mine);
        }
        dispatcher.agentsChanged();
        if (status == AgentStatus.ONLINE) dispatcher.serve();
    }
}
