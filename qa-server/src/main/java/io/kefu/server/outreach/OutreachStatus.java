package io.kefu.server.outreach;

import java.util.Locale;

/** Where a proactive message is: waiting for the customer to be reachable (or quiet hours to end), or shown. */
enum OutreachStatus {
    PENDING, DELIVERED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutreachStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
