package io.kefu.qa.dialog;

import java.util.Map;

/** Where tickets go. The server stores them in its database; {@link InMemoryTicketStore} serves the library alone. */
public interface TicketStore {

    /** Records a ticket and returns it with its id. */
    Ticket create(String intent, Map<String, String> slots, String conversation, String note);
}
