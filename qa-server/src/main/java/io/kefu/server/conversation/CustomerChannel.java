package io.kefu.server.conversation;

/**
 * Where what is said in a conversation reaches its customer as it happens: the web chat's sockets today, other
 * channels later. A customer not reachable now gets the stored messages when they come back.
 */
public interface CustomerChannel {

    /** Sends a stored message to the conversation's customer. */
    void deliver(String conversationId, StoredMessage message);

    /** The customer's place in the queue (1: next) and estimated wait. */
    void queue(String conversationId, int position, long waitSeconds);

    /** The agent started or stopped typing. */
    void agentTyping(String conversationId, boolean on);

    /** Whether the customer is connected to this node now. */
    boolean connected(String conversationId);
}
