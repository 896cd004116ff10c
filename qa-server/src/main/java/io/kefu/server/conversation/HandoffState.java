package io.kefu.server.conversation;

import java.util.Locale;

/**
 * Who answers a conversation's customer (docs/agents.md): stored in {@code conversations.handoff} and shown to agents
 * by its {@link #wireName()}.
 */
public enum HandoffState {
    /** The bot. */
    BOT,
    /** Queued for an agent; meanwhile the bot answers clear FAQ questions only. */
    WAITING,
    /** An agent; the bot only suggests answers to the agent. */
    AGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HandoffState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
