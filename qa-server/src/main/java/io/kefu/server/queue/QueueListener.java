package io.kefu.server.queue;

import io.kefu.server.conversation.Routing;

import java.util.List;

/** What the queue tells the agents' consoles on this node: implemented by the console, so the queue needs none. */
public interface QueueListener {

    /** {@code conversation} was given to {@code agent} ({@code by}: routing, pick, takeover, reassign, transfer). */
    void assigned(String conversation, String agent, String by);

    /** {@code conversation} was taken from {@code agent} ({@code why}: closed, handback, transfer, ...). */
    void released(String conversation, String agent, String why);

    /** The queue as it is now, first to serve first. */
    void queueChanged(List<Routing> queue);

    /** Agents' statuses or loads changed. */
    void agentsChanged();
}
