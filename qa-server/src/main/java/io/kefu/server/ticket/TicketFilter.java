package io.kefu.server.ticket;

/**
 * What the desk's list shows: every criterion is optional ({@code null}: any).
 *
 * @param scope      the agent whose view it is: their own and unassigned tickets only; {@code null} for a
 *                   supervisor, who sees all
 * @param owner      only this staff member's tickets ("mine")
 * @param unassigned only tickets nobody works
 * @param activeOnly only tickets still to be worked on (待处理, 处理中, 待回访)
 * @param search     a ticket id or a mobile number
 * @param page       from 0
 * @param size       tickets per page
 */
record TicketFilter(String scope, String owner, boolean unassigned, TicketKind kind, TicketStatus status,
                    boolean activeOnly, boolean overdue, String channel, String search, int page, int size) {
}
