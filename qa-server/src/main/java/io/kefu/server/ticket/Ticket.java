package io.kefu.server.ticket;

import java.time.Instant;
import java.util.Map;

/**
 * A request recorded for agents: from a completed form, a failed webhook, or a message left outside service hours.
 *
 * @param id           the reference the customer is given
 * @param intent       what it is about (the form's intent)
 * @param slots        what the customer provided, unmasked: agents need the real number
 * @param conversation the conversation it came from
 * @param note         why it was recorded this way (e.g. the webhook failed), empty otherwise
 * @param created      when
 */
public record Ticket(String id, String intent, Map<String, String> slots, String conversation, String note,
                     Instant created) {

    public Ticket {
        slots = Map.copyOf(slots);
    }
}
