package io.kefu.server.ticket;

/** A ticket was resolved (committed): the customer is to hear the outcome ({@link ResolutionNotices}). */
record TicketResolved(String ticketId) {
}
