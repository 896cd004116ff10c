package io.kefu.server.ticket;

import java.time.Instant;
import java.util.Locale;

/**
 * One change of a ticket, as its history shows it; comments are the events of kind {@link Kind#COMMENT}.
 *
 * @param actor    a staff user name, or {@code system} / {@code customer}
 * @param status   the status after the event, when it changed it
 * @param owner    the owner after a claim or assignment
 * @param body     a comment, a callback's or a resolution's note
 * @param category a resolution's category
 * @param reached  for a callback: whether the customer was reached
 * @param retryAt  for a callback that did not reach the customer: when to try again
 */
public record TicketEvent(Instant at, String actor, Kind kind, TicketStatus status, String owner, String body,
                          String category, Boolean reached, Instant retryAt) {

    public static final String SYSTEM = "system";
    public static final String CUSTOMER = "customer";

    public enum Kind {
        CREATED, CLAIMED, ASSIGNED, STATUS, COMMENT, CALLBACK, RESOLVED, REOPENED, REPEAT, NOTIFIED, RATED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    static TicketEvent of(Instant at, String actor, Kind kind) {
        return new TicketEvent(at, actor, kind, null, null, null, null, null, null);
    }

    TicketEvent withStatus(TicketStatus changed) {
        return new TicketEvent(at, actor, kind, changed, owner, body, category, reached, retryAt);
    }

    TicketEvent withOwner(String newOwner) {
        return new TicketEvent(at, actor, kind, status, newOwner, body, category, reached, retryAt);
    }

    TicketEvent withBody(String text) {
        return new TicketEvent(at, actor, kind, status, owner, text, category, reached, retryAt);
    }
}
