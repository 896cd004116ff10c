package io.kefu.server.conversation;

/**
 * Where what is said in a conversation reaches its customer as it happens: the web chat's sockets, WeChat's message
 * API. Each channel ignores the conversations that are not its own; {@link CustomerChannels} calls them all.
 * A customer not reachable now gets the stored messages when they come back.
 */
public interface CustomerChannel {

    /** Sends a stored message to the conversation's customer. */
    void deliver(String conversationId, StoredMessage message);

    /**
     * A message another node stored and delivered through its own channels, heard over the cluster bus. A channel
     * that reaches customers through connections held by some node (the web chat's sockets) sends it on; one that
     * any node reaches the same way (WeChat's message API) has sent it already and must not send it twice.
     */
    default void deliverFromOtherNode(String conversationId, StoredMessage message) {
        deliver(conversationId, message);
    }

    /** The customer's place in the queue (1: next) and estimated wait. */
    void queue(String conversationId, int position, long waitSeconds);

    /** The agent started or stopped typing. */
    void agentTyping(String conversationId, boolean on);

    /** Whether the customer is connected to this node now. */
    boolean connected(String conversationId);
}
