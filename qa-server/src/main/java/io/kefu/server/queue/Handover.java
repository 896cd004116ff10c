package io.kefu.server.queue;

import java.util.Locale;

/**
 * Why a conversation went to an agent or left one: shown to agents in {@code assigned} / {@code released} frames
 * and written to the audit log by its {@link #wireName()} (docs/agents.md).
 */
public enum Handover {
    /** The queue gave it to the agent who waited longest. */
    ROUTING,
    /** The agent took it from the queue. */
    PICK,
    /** A supervisor took it over. */
    TAKEOVER,
    /** A supervisor gave it to another agent. */
    REASSIGN,
    /** Its agent transferred it to another agent or group. */
    TRANSFER,
    /** Its agent handed it back to the bot. */
    HANDBACK,
    /** It was closed. */
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
