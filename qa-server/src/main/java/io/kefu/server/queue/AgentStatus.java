package io.kefu.server.queue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether an agent takes new conversations (docs/agents.md); stored and shown by its {@link #wireName()}. */
public enum AgentStatus {
    /** Takes new conversations from the queue. */
    ONLINE,
    /** Keeps their conversations but is given no new ones by routing. */
    BUSY,
    /** Away from the desk: not even transfers reach them. */
    AWAY,
    /** No console open for longer than the grace period. */
    OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A status an agent may choose (not offline: that is what closing the console does); empty for another text. */
    public static Optional<AgentStatus> chosen(String name) {
        return Arrays.stream(values()).filter(s -> s != OFFLINE && s.wireName().equals(name)).findFirst();
    }
}
