package io.kefu.server.ticket;

import java.time.Instant;

/** What staff do to a ticket ({@code POST /api/tickets/{id}/events}), parsed once at the edge ({@link TicketEventRequest}). */
sealed interface TicketCommand {

    /** The agent takes an unassigned ticket. */
    record Claim() implements TicketCommand {
    }

    /** A supervisor gives the ticket to an agent, or back to nobody ({@code owner} null). */
    record Assign(String owner) implements TicketCommand {
    }

    /** A change of status other than resolving (which needs a category and a note). */
    record ChangeStatus(TicketStatus status) implements TicketCommand {
    }

    /** An internal comment: never shown to the customer. */
    record Comment(String body) implements TicketCommand {
    }

    /** The outcome of calling the customer back; not reached: try again at {@code retryAt}. */
    record Callback(boolean reached, String note, Instant retryAt) implements TicketCommand {
    }

    /** Resolved as {@code category}; the note is what the customer is told. */
    record Resolve(String category, String note) implements TicketCommand {
    }

    /** Back to 处理中 from 已解决 or 已关闭. */
    record Reopen(String note) implements TicketCommand {
    }
}
