package io.kefu.server.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
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

    private static final String COLUMNS = "select c.id, c.visitor_id, c.channel, c.created_at, c.closed_at, "
            + "c.handoff_reason, c.queued_at, c.assigned_at, c.agent, r.stars, ";
    private static final String RANGE = " from conversations c left join ratings r on r.conversation_id = c.id ";
    private static final String IN_RANGE = " where c.created_at >= ? and c.created_at < ?";

    /**
     * PostgreSQL: one probe of the messages' primary key per conversation for all three of its figures, in a
     * lateral join (three scalar subqueries took two to three times as long over 100,000 conversations).
     */
    private static final String LATERAL = COLUMNS + "f.bot_handoffs, f.first_agent_reply, f.customer_messages" + RANGE
            + "left join lateral (select sum(case when m.decision_kind = 'handoff' then 1 else 0 end) as bot_handoffs, "
            + "min(case when m.sender = 'agent' then m.created_at end) as first_agent_reply, "
            + "sum(case when m.sender = 'customer' then 1 else 0 end) as customer_messages "
            + "from messages m where m.conversation_id = c.id) f on true" + IN_RANGE;

    /** H2, which has no lateral join: one subquery per figure (an embedded database holds a small site's history). */
    private static final String SUBQUERIES = COLUMNS
            + "(select count(*) from messages m where m.conversation_id = c.id and m.decision_kind = 'handoff') "
            + "as bot_handoffs, "
            + "(select min(m.created_at) from messages m where m.conversation_id = c.id and m.sender = 'agent') "
            + "as first_agent_reply, "
            + "(select count(*) from messages m where m.conversation_id = c.id and m.sender = 'customer') "
            + "as customer_messages" + RANGE + IN_RANGE;

    private final JdbcClient jdbc;
    private final String conversationsSql;

    FactStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.conversationsSql = postgres(dataSource) ? LATERAL : SUBQUERIES;
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    /** One row per conversation started in {@code [from, to)} in which the customer wrote something. */
    List<ConversationFacts> conversations(Instant from, Instant to) {
        return jdbc.sql(conversationsSql).params(at(from), at(to))
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
