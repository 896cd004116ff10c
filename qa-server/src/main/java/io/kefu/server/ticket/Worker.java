package io.kefu.server.ticket;

/**
 * The staff member working the desk, as the session says: an agent works their own and unassigned tickets; a
 * supervisor (or administrator) sees all and assigns them.
 */
record Worker(String username, boolean supervisor) {

    /** Whether this staff member may see the ticket at all (and so its slots in full). */
    boolean maySee(Ticket ticket) {
        return supervisor || ticket.owner() == null || ticket.owner().equals(username);
    }
}
