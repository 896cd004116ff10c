package io.kefu.server.ticket;

import java.time.Instant;
import java.util.Map;

/**
 * A request recorded for agents: from a completed form, a failed webhook, or a message left outside service hours;
 * and where it stands on the desk (docs/tickets.md).
 *
 * @param id             the reference the customer is given ({@link TicketIds})
 * @param kind           what it is about
 * @param intent         the form's intent that recorded it
 * @param status         where it stands
 * @param priority       higher first: 2 complaint, 1 VIP customer, 0 anyone else
 * @param owner          the staff member working it, {@code null} while unassigned
 * @param due            when it must be dealt with (its kind's time limit after it was recorded)
 * @param slots          what the customer provided, unmasked: staff who work the ticket need the real number
 * @param conversation   the conversation it came from
 * @param visitor        the visitor of that conversation: the customer, for their own list and for repeats
 * @param phone          the mobile number among the slots, {@code null} when none
 * @param subject        what a repeat is compared on besides the kind (a fault's device), empty when unknown
 * @param repeated       the customer reported the same within the repeat window before
 * @param note           why it was recorded this way (e.g. the webhook failed), empty otherwise
 * @param callbackAt     when to call the customer back after a callback that did not reach them
 * @param resolvedAt     when it was resolved, {@code null} while not
 * @param category       what it was resolved as
 * @param resolutionNote what was done, as the customer is told
 * @param rating         the customer's 1–5 satisfaction with the resolution, {@code null} until rated
 */
public record Ticket(String id, TicketKind kind, String intent, TicketStatus status, int priority, String owner,
                     Instant due, Instant created, Instant updated, String channel, String conversation,
                     String visitor, String phone, String subject, boolean repeated, Map<String, String> slots,
                     String note, Instant callbackAt, Instant resolvedAt, String category, String resolutionNote,
                     Integer rating) {

    public Ticket {
        slots = Map.copyOf(slots);
    }

    /** Still to be worked on and past its due time. */
    public boolean overdue(Instant now) {
        return status.active() && due != null && due.isBefore(now);
    }
}
