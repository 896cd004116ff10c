package io.kefu.server.ticket;

import org.springframework.http.HttpStatus;

/** A request the desk refuses, with the reason staff read (Simplified Chinese) and the HTTP status it maps to. */
class TicketProblem extends RuntimeException {

    private final HttpStatus status;

    TicketProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static TicketProblem notFound() {
        // the same answer for a ticket that does not exist and one the agent may not see: ids reveal nothing
        return new TicketProblem(HttpStatus.NOT_FOUND, "没有找到该工单。");
    }

    static TicketProblem badRequest(String detail) {
        return new TicketProblem(HttpStatus.BAD_REQUEST, detail);
    }

    static TicketProblem forbidden(String detail) {
        return new TicketProblem(HttpStatus.FORBIDDEN, detail);
    }

    static TicketProblem conflict(String detail) {
        return new TicketProblem(HttpStatus.CONFLICT, detail);
    }
}
