package io.kefu.server.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one owner of the {@code tickets} table and its repeats (events: {@link TicketEvents}). */
@Repository
public class JdbcTicketStore {

    private static final TypeReference<Map<String, String>> SLOTS = new TypeReference<>() {
    };
    private static final Pattern TICKET_ID = Pattern.compile("[Tt]\\d{8}-[0-9A-Za-z]{6}");
    /** Beyond this many matches the list says "10000+" rather than counting them all: the count costs the most. */
    static final int COUNT_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcTicketStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Ticket t) {
        jdbc.sql("insert into tickets (id, intent, slots, conversation_id, note, created_at, kind, status, active, "
                        + "priority, owner, due_at, channel, visitor_id, phone, subject, repeated, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), t.intent(), json.writeValueAsString(t.slots()), t.conversation(), t.note(),
                        utc(t.created()), t.kind().wireName(), t.status().wireName(), t.status().active(),
                        t.priority(), t.owner(),
                        utc(t.due()), t.channel(), t.visitor(), t.phone(), t.subject(), t.repeated(),
                        utc(t.updated()))
                .update();
    }

    /** Saves what working a ticket changes: status, owner, callback, resolution. */
    void update(Ticket t) {
        jdbc.sql("update tickets set status = ?, active = ?, owner = ?, callback_at = ?, resolved_at = ?, "
                        + "resolution_category = ?, resolution_note = ?, updated_at = ? where id = ?")
                .params(t.status().wireName(), t.status().active(), t.owner(), utc(t.callbackAt()), utc(t.resolvedAt()), t.category(),
                        t.resolutionNote(), utc(t.updated()), t.id())
                .update();
    }

    Optional<Ticket> find(String id) {
        return jdbc.sql("select * from tickets where id = ?").param(id).query(this::ticket).optional();
    }

    /** The ticket, its row locked until the transaction ends: changes to one ticket happen one at a time. */
    Optional<Ticket> lock(String id) {
        return jdbc.sql("select * from tickets where id = ? for update").param(id).query(this::ticket).optional();
    }

    /** Earlier tickets of the same customer (phone or visitor), kind and subject since {@code since}, oldest first. */
    List<String> earlier(Ticket t, Instant since) {
        return jdbc.sql("select id from tickets where kind = ? and created_at >= ? and id <> ? "
                        + "and (subject = ? or subject = '' or ? = '') "
                        + "and (visitor_id = ? or (? is not null and phone = ?)) order by created_at")
                .params(t.kind().wireName(), utc(since), t.id(), t.subject(), t.subject(), t.visitor(), t.phone(),
                        t.phone())
                .query(String.class).list();
    }

    void linkRepeat(String ticket, String earlier) {
        jdbc.sql("insert into ticket_repeats (ticket_id, earlier_id) values (?, ?)").params(ticket, earlier).update();
    }

    /** The tickets a repeat repeats, and the later ones that repeat it. */
    List<String> repeatLinks(String id) {
        return jdbc.sql("select earlier_id from ticket_repeats where ticket_id = ? union "
                + "select ticket_id from ticket_repeats where earlier_id = ?").params(id, id).query(String.class).list();
    }

    /** The intents of the tickets a conversation produced, oldest first. */
    public List<String> intentsOf(String conversation) {
        return jdbc.sql("select intent from tickets where conversation_id = ? order by created_at")
                .param(conversation).query(String.class).list();
    }

    /** A visitor's latest tickets, newest first. */
    List<Ticket> ofVisitor(String visitor, int limit) {
        return jdbc.sql("select * from tickets where visitor_id = ? order by created_at desc limit " + limit)
                .param(visitor).query(this::ticket).list();
    }

    /** The conversation the customer was told the outcome in and asked for a rating, once. */
    boolean markNotified(String id, String conversation, Instant at) {
        return jdbc.sql("update tickets set notified_at = ?, survey_conversation_id = ? where id = ? and notified_at is null")
                .params(utc(at), conversation, id).update() == 1;
    }

    /**
     * A reopened ticket's customer is to hear the next outcome and rate it again; the earlier rating stays in the
     * ticket's history.
     */
    void forgetOutcome(String id) {
        jdbc.sql("update tickets set notified_at = null, survey_conversation_id = null, rating = null, rated_at = null "
                + "where id = ?").param(id).update();
    }

    void unmarkNotified(String id) {
        jdbc.sql("update tickets set notified_at = null, survey_conversation_id = null where id = ?").param(id).update();
    }

    /** Resolved tickets of the visitor whose outcome the customer has not been told yet. */
    List<Ticket> untold(String visitor) {
        return jdbc.sql("select * from tickets where visitor_id = ? and status = 'resolved' and notified_at is null "
                + "order by resolved_at").param(visitor).query(this::ticket).list();
    }

    /** The latest ticket whose rating this conversation's customer was asked for since {@code since}, unrated. */
    Optional<String> awaitingRating(String conversation, Instant since) {
        return jdbc.sql("select id from tickets where survey_conversation_id = ? and rating is null and notified_at >= ? "
                        + "order by notified_at desc limit 1")
                .params(conversation, utc(since)).query(String.class).optional();
    }

    boolean rate(String id, int stars, Instant at) {
        return jdbc.sql("update tickets set rating = ?, rated_at = ? where id = ? and rating is null")
                .params(stars, utc(at), id).update() == 1;
    }

    /** How many tickets are in each status (for metrics: tickets by status). */
    public Map<TicketStatus, Long> countsByStatus() {
        var counts = new java.util.EnumMap<TicketStatus, Long>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) counts.put(status, 0L);
        jdbc.sql("select status, count(*) from tickets group by status").query((rs, n) -> {
            counts.put(TicketStatus.fromWireName(rs.getString(1)), rs.getLong(2));
            return null;
        }).list();
        return counts;
    }

    /** How many tickets still to be worked on are past their due time (for metrics). */
    public long overdueCount(Instant now) {
        return jdbc.sql("select count(*) from tickets where active = true and due_at < ?").param(utc(now))
                .query(Long.class).single();
    }

    TicketPage list(TicketFilter filter, Instant now) {
        var where = new StringBuilder(" where 1 = 1");
        var params = new ArrayList<Object>();
        if (filter.scope() != null) {
            where.append(" and (owner = ? or owner is null)");
            params.add(filter.scope());
        }
        if (filter.owner() != null) {
            where.append(" and owner = ?");
            params.add(filter.owner());
        }
        if (filter.unassigned()) where.append(" and owner is null");
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            params.add(filter.kind().wireName());
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            params.add(filter.status().wireName());
        }
        if (filter.activeOnly() || filter.overdue()) where.append(" and active = true");
        if (filter.overdue()) {
            where.append(" and due_at < ?");
            params.add(utc(now));
        }
        if (filter.channel() != null) {
            where.append(" and channel = ?");
            params.add(filter.channel());
        }
        String search = filter.search() == null ? "" : filter.search().replaceAll("\\s", "");
        if (!search.isEmpty()) {
            if (TICKET_ID.matcher(search).matches()) {
                where.append(" and id = ?");
                params.add(search.toUpperCase(Locale.ROOT));
            } else {
                where.append(" and phone = ?");
                params.add(search.replace("-", ""));
            }
        }
        long total = jdbc.sql("select count(*) from (select 1 from tickets" + where + " limit " + (COUNT_LIMIT + 1)
                + ") matches").params(params).query(Long.class).single();
        List<Ticket> tickets = jdbc.sql("select * from tickets" + where
                        + " order by priority desc, due_at, id limit " + filter.size() + " offset "
                        + (long) filter.page() * filter.size())
                .params(params).query(this::ticket).list();
        return new TicketPage(tickets, Math.min(total, COUNT_LIMIT), total > COUNT_LIMIT, filter.page(), filter.size());
    }

    private Ticket ticket(ResultSet rs, int row) throws SQLException {
        Number rating = (Number) rs.getObject("rating");
        return new Ticket(rs.getString("id"), TicketKind.fromWireName(rs.getString("kind")), rs.getString("intent"),
                TicketStatus.fromWireName(rs.getString("status")), rs.getInt("priority"), rs.getString("owner"),
                instant(rs, "due_at"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("channel"),
                rs.getString("conversation_id"), rs.getString("visitor_id"), rs.getString("phone"),
                rs.getString("subject") == null ? "" : rs.getString("subject"), rs.getBoolean("repeated"),
                json.readValue(rs.getString("slots"), SLOTS), rs.getString("note"), instant(rs, "callback_at"),
                instant(rs, "resolved_at"), rs.getString("resolution_category"), rs.getString("resolution_note"),
                rating == null ? null : rating.intValue());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
