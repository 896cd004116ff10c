package io.kefu.server.conversation;

import java.util.Locale;

/** The kinds of the system's notices to a customer about people taking over (docs/agents.md). */
public enum Notice {
    /** The customer joined the queue. */
    QUEUED,
    /** No agent can take the conversation: the bot takes a message. */
    LEAVE_MESSAGE,
    /** An agent took the conversation. */
    AGENT_JOINED,
    /** Transferred to another agent or group. */
    TRANSFERRED,
    /** The agent handed the conversation back to the bot. */
    HANDBACK,
    /** The agent's connection was lost: back in the queue. */
    REQUEUED,
    /** A ticket of the customer was resolved: the outcome and a 1–5 satisfaction question (docs/tickets.md). */
    TICKET_RESOLVED;

    /** The message kind the notice is stored and sent with. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
