package io.kefu.server.ticket;

import io.kefu.server.system.KefuProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Tickets in the database, with ids a customer can read out on the phone ({@link TicketIds}). */
@Repository
public class JdbcTicketStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TicketIds ids;

    public JdbcTicketStore(JdbcClient jdbc, JsonMapper json, Clock handoffClock, KefuProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = handoffClock;
        this.ids = new TicketIds(ZoneId.of(properties.handoff().zone()), new SecureRandom());
    }

    /** Records a ticket and returns it with its id. */
    public Ticket create(String intent, Map<String, String> slots, String conversation, String note) {
        var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var ticket = new Ticket(ids.next(now.toInstant()), intent, slots, conversation, note, now.toInstant());
        jdbc.sql("insert into tickets (id, intent, slots, conversation_id, note, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(ticket.id(), intent, json.writeValueAsString(slots), conversation, note, now).update();
        return ticket;
    }

    /** The intents of the tickets a conversation produced, oldest first. */
    public List<String> intentsOf(String conversation) {
        return jdbc.sql("select intent from tickets where conversation_id = ? order by created_at")
                .param(conversation).query(String.class).list();
    }
}
