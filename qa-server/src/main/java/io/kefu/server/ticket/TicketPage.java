package io.kefu.server.ticket;

import java.util.List;

/**
 * One page of the desk's list and how many tickets the filter matches in all.
 *
 * @param more more than {@code total} match ({@link JdbcTicketStore#COUNT_LIMIT}): counting them all costs more than
 *             a page, and nobody pages through ten thousand tickets
 */
record TicketPage(List<Ticket> tickets, long total, boolean more, int page, int size) {

    TicketPage {
        tickets = List.copyOf(tickets);
    }
}
