package io.kefu.server.agent;

import io.kefu.server.cluster.BusResubscribed;
import io.kefu.server.queue.Dispatcher;
import io.kefu.server.queue.HandoffException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The consoles on this node catch up after it missed the other nodes' announcements for a while (its connection to
 * the cluster bus was lost): the queue, each agent's own conversations, and the transcript of every conversation a
 * console has open, read again from the database. The console keeps messages by number, so one it had already is
 * shown once.
 */
@Component
class ConsoleCatchUp {

    private final AgentConsoles consoles;
    private final ConsoleUpdates updates;
    private final ConversationCommands work;
    private final Dispatcher dispatcher;

    ConsoleCatchUp(AgentConsoles consoles, ConsoleUpdates updates, ConversationCommands work, Dispatcher dispatcher) {
        this.consoles = consoles;
        this.updates = updates;
        this.work = work;
        this.dispatcher = dispatcher;
    }

    @EventListener(BusResubscribed.class)
    void catchUp() {
        dispatcher.showAgain();
        for (AgentConsole console : consoles.all()) {
            updates.sendMe(console);
            updates.sendMine(console.username());
            for (String conversation : Set.copyOf(console.watching())) {
                try {
                    consoles.send(console, work.open(console, conversation, null));
                } catch (HandoffException noLonger) {
                    // no longer theirs to see: the mine list just sent says so
                }
            }
        }
    }
}
