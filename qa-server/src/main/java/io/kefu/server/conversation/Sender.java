package io.kefu.server.conversation;

import java.util.Locale;

/** Who said a message. */
public enum Sender {
    CUSTOMER, BOT, AGENT, SYSTEM;

    /** The lower-case name used in frames and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sender fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
