package io.kefu.server.conversation;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every channel customers write from (the web chat's sockets, WeChat), as the one {@link CustomerChannel} the
 * conversation, the queue and the agents talk to: each message goes to all of them, and each ignores the
 * conversations that are not its own.
 */
@Primary
@Component
class CustomerChannels implements CustomerChannel {

    private final List<CustomerChannel> channels;

    /** {@code channels}: every other channel bean (Spring leaves this one out of its own list). */
    CustomerChannels(List<CustomerChannel> channels) {
        this.channels = List.copyOf(channels);
    }

    @Override
    public void deliver(String conversationId, StoredMessage message) {
        for (CustomerChannel channel : channels) channel.deliver(conversationId, message);
    }

    @Override
    public void deliverFromOtherNode(String conversationId, StoredMessage message) {
        for (CustomerChannel channel : channels) channel.deliverFromOtherNode(conversationId, message);
    }

    @Override
    public void queue(String conversationId, int position, long waitSeconds) {
        for (CustomerChannel channel : channels) channel.queue(conversationId, position, waitSeconds);
    }

    @Override
    public void agentTyping(String conversationId, boolean on) {
        for (CustomerChannel channel : channels) channel.agentTyping(conversationId, on);
    }

    @Override
    public boolean connected(String conversationId) {
        for (CustomerChannel channel : channels) {
            if (channel.connected(conversationId)) return true;
        }
        return false;
    }
}
