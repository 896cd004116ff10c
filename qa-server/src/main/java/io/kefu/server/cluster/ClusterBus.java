package io.kefu.server.cluster;

import java.util.function.Consumer;

/**
 * Carries {@link ClusterEvent}s between server nodes that share one database, so that a customer on one node and
 * their agent on another hear each other at once. The state itself is always in the database; the bus only says
 * where to look.
 */
public interface ClusterBus {

    /** Tells the other nodes; returns at once. */
    void publish(ClusterEvent event);

    /** Where events from other nodes go: every receiver registered hears every event. */
    void onEvent(Consumer<ClusterEvent> receiver);
}
