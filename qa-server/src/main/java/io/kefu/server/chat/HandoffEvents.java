package io.kefu.server.chat;

import java.util.List;

/**
 * What the customer side tells the hand-off side (queue, agents): implemented by the agent hand-off, so that the
 * chat does not depend on how agents are routed.
 */
public interface HandoffEvents {

    /** A customer socket started or resumed the conversation. */
    void connected(String conversationId);

    /**
     * Messages were added to the conversation by the customer or the bot.
     *
     * @param agent the agent answering it, or {@code null}
     */
    void added(String conversationId, String agent, List<ChatMessage> messages);

    /** The customer started or stopped typing. */
    void customerTyping(String conversationId, boolean on);

    /** The bot decided a person should take over (human, complaint, form_failed, no_answer). */
    void escalate(String conversationId, String reason);

    /** The customer ended the conversation. */
    void closedByCustomer(String conversationId);
}
