package io.kefu.server.ticket;

import io.kefu.qa.dialog.Ticket;
import io.kefu.qa.dialog.TicketStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Tickets in the database, with ids a customer can read out on the phone: T20261122-4F7K2Q. */
@Repository
public class JdbcTicketStore implements TicketStore {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read out loud
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcTicketStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Ticket create(String intent, Map<String, String> slots, String conversation, String note) {
        var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var ticket = new Ticket(newId(now.toLocalDate()), intent, slots, conversation, note, now.toInstant());
        jdbc.sql("insert into tickets (id, intent, slots, conversation_id, note, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(ticket.id(), intent, json.writeValueAsString(slots), conversation, note, now).update();
        return ticket;
    }

    /** The intents of the tickets a conversation produced, oldest first. */
    public List<String> intentsOf(String conversation) {
        return jdbc.sql("select intent from tickets where conversation_id = ? order by created_at")
                .param(conversation).query(String.class).list();
    }

    private String newId(LocalDate day) {
        var id = new StringBuilder("T").append(DAY.format(day)).append('-');
        for (int i = 0; i < 6; i++) id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return id.toString();
    }
}
