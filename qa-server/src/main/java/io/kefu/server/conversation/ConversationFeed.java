package io.kefu.server.conversation;

import java.util.List;

/**
 * What the agents' side hears of a conversation as it happens (their consoles, and the other nodes): implemented
 * by the agent console, so that conversations do not depend on it.
 */
public interface ConversationFeed {

    /**
     * Messages were added to the conversation by the customer, the bot or the system.
     *
     * @param agent the agent answering it, or {@code null}
     */
    void added(String conversationId, String agent, List<StoredMessage> messages);

    /** The customer started or stopped typing. */
    void customerTyping(String conversationId, boolean on);
}
