package io.kefu.server.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static io.kefu.server.ticket.JdbcTicketStore.instant;
import static io.kefu.server.ticket.JdbcTicketStore.utc;

/** The one owner of {@code ticket_events}: every change of a ticket, numbered per ticket. */
@Repository
class TicketEvents {

    private final JdbcClient jdbc;

    TicketEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an event; the caller holds the ticket's row lock (or has just inserted it), so numbers never clash. */
    void append(String ticket, TicketEvent e) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from ticket_events where ticket_id = ?").param(ticket)
                .query(Integer.class).single();
        jdbc.sql("insert into ticket_events (ticket_id, seq, at, actor, kind, status, owner, body, category, reached, "
                        + "retry_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ticket, seq, utc(e.at()), e.actor(), e.kind().wireName(),
                        e.status() == null ? null : e.status().wireName(), e.owner(), e.body(), e.category(),
                        e.reached(), utc(e.retryAt()))
                .update();
    }

    /** A ticket's history, oldest first. */
    List<TicketEvent> of(String ticket) {
        return jdbc.sql("select * from ticket_events where ticket_id = ? order by seq").param(ticket)
                .query(TicketEvents::event).list();
    }

    private static TicketEvent event(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        Object reached = rs.getObject("reached");
        return new TicketEvent(instant(rs, "at"), rs.getString("actor"),
                TicketEvent.Kind.fromWireName(rs.getString("kind")),
                status == null ? null : TicketStatus.fromWireName(status), rs.getString("owner"), rs.getString("body"),
                rs.getString("category"), reached == null ? null : (Boolean) reached, instant(rs, "retry_at"));
    }
}
