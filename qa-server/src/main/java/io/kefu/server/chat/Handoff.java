package io.kefu.server.chat;

import java.util.Locale;

/** Who answers a conversation's customer (docs/agents.md). */
public enum Handoff {
    /** The bot. */
    BOT,
    /** Queued for an agent; meanwhile the bot answers clear FAQ questions only. */
    WAITING,
    /** An agent; the bot only suggests answers to the agent. */
    AGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Handoff fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
