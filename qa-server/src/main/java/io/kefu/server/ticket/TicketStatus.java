package io.kefu.server.ticket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a ticket stands: 待处理 → 处理中 → 待回访 → 已解决 → 已关闭, with a way back from the last two (reopen) and
 * from 处理中 to 待处理 (unassigned).
 */
public enum TicketStatus {
    OPEN("待处理"),
    IN_PROGRESS("处理中"),
    CALLBACK("待回访"),
    RESOLVED("已解决"),
    CLOSED("已关闭");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is no status */
    public static TicketStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Still to be worked on: such a ticket can be overdue. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS || this == CALLBACK;
    }

    /** The statuses this one may change to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, CALLBACK, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(OPEN, CALLBACK, RESOLVED, CLOSED);
            case CALLBACK -> EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.of(IN_PROGRESS);
        };
    }

    public boolean canBecome(TicketStatus status) {
        return next().contains(status);
    }
}
