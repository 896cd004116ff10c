package io.kefu.server.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads the stored conversations, messages and ratings the reports are computed from. Every query selects
 * conversations by their start ({@code conversations_by_start}, V25) and reaches their messages through the
 * messages' primary key, so the chat's hot path pays for no extra index on messages.
 */
@Component
class FactStore {

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per conversation started in {@code [from, to)} in which the customer wrote something. */
    List<ConversationFacts> conversations(Instant from, Instant to) {
        return jdbc.sql("""
                        select c.id, c.visitor_id, c.channel, c.created_at, c.closed_at, c.handoff_reason, c.queued_at,
                               c.assigned_at, c.agent, r.stars,
                               (select count(*) from messages m
                                 where m.conversation_id = c.id and m.decision_kind = 'handoff') as bot_handoffs,
                               (select min(m.created_at) from messages m
                                 where m.conversation_id = c.id and m.sender = 'agent') as first_agent_reply,
                               (select count(*) from messages m
                                 where m.conversation_id = c.id and m.sender = 'customer') as customer_messages
                        from conversations c left join ratings r on r.conversation_id = c.id
                        where c.created_at >= ? and c.created_at < ?
                        """)
                .params(at(from), at(to))
                .query(FactStore::facts).list().stream().filter(f -> f.customerMessages() > 0).toList();
    }

    /** A standard question the bot answered, and how often, over conversations started in {@code [from, to)}. */
    record Count(String key, long count) {
    }

    List<Count> answered(Instant from, Instant to, String channel, int limit) {
        return counts("m.matched_id", "m.decision_kind = 'answer' and m.matched_id is not null", from, to, channel,
                limit);
    }

    /** Questions the bot had no answer for (personal numbers masked as stored), most frequent first. */
    List<Count> unanswered(Instant from, Instant to, String channel, int limit) {
        return counts("m.decision_question", "m.decision_kind = 'none' and m.decision_question is not null", from,
                to, channel, limit);
    }

    private List<Count> counts(String key, String condition, Instant from, Instant to, String channel, int limit) {
        String sql = "select " + key + ", count(*) from conversations c join messages m on m.conversation_id = c.id "
                + "where c.created_at >= ? and c.created_at < ? and " + condition
                + (channel == null ? "" : " and c.channel = ?")
                + " group by " + key + " order by count(*) desc, " + key + " limit " + limit;
        var statement = jdbc.sql(sql).param(at(from)).param(at(to));
        if (channel != null) statement = statement.param(channel);
        return statement.query((rs, row) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    private static ConversationFacts facts(ResultSet rs, int row) throws SQLException {
        Number stars = (Number) rs.getObject("stars");
        return new ConversationFacts(rs.getString("id"), rs.getString("visitor_id"), rs.getString("channel"),
                instant(rs, "created_at"), instant(rs, "closed_at"), rs.getString("handoff_reason"),
                instant(rs, "queued_at"), instant(rs, "assigned_at"), rs.getString("agent"),
                rs.getInt("bot_handoffs"), instant(rs, "first_agent_reply"), stars == null ? null : stars.intValue(),
                rs.getInt("customer_messages"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
