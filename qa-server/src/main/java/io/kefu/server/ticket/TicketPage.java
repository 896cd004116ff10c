package io.kefu.server.ticket;

import java.util.List;

/** One page of the desk's list and how many tickets the filter matches in all. */
record TicketPage(List<Ticket> tickets, long total, int page, int size) {

    TicketPage {
        tickets = List.copyOf(tickets);
    }
}
