package io.kefu.server.conversation;

import io.kefu.qa.dialog.HandoffReason;

/**
 * What a conversation asks of the hand-off to people (the queue and routing): implemented by the queue, so that
 * conversations do not depend on how agents are routed.
 */
public interface Handoffs {

    /** A customer started or resumed the conversation: a waiting one hears its place in the queue. */
    void connected(String conversationId);

    /** The bot decided a person should take over. */
    void escalate(String conversationId, HandoffReason reason);

    /** The customer ended the conversation; {@code notice} is the closing message. */
    void closedByCustomer(String conversationId, StoredMessage notice);
}
