package io.kefu.server.cluster;

import java.util.function.Consumer;

/** One node alone (the embedded database cannot be shared): nobody else to tell. */
final class SingleNodeBus implements ClusterBus {

    @Override
    public void publish(ClusterEvent event) {
    }

    @Override
    public void onEvent(Consumer<ClusterEvent> receiver) {
    }
}
