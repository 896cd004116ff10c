package io.kefu.server.outreach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The owner of {@code customer_visitors} and {@code outreach_messages}; also reads which of a customer's visitors
 * has an open conversation.
 */
@Component
class OutreachStore {

    private static final TypeReference<List<String>> BUTTONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, customer_id, template_id, template_version, body, buttons, status, "
            + "not_before, created_at, delivered_at, conversation_id, seq";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutreachStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records that this visitor is this customer (once). */
    void link(String customerId, String visitorId) {
        jdbc.sql("insert into customer_visitors (customer_id, visitor_id, linked_at) select ?, ?, ? "
                        + "where not exists (select 1 from customer_visitors where customer_id = ? and visitor_id = ?)")
                .params(customerId, visitorId, now(), customerId, visitorId).update();
    }

    boolean known(String customerId) {
        return jdbc.sql("select count(*) from customer_visitors where customer_id = ?").param(customerId)
                .query(Long.class).single() > 0;
    }

    /** The open conversations of the customer's visitors, newest first. */
    List<String> openConversations(String customerId) {
        return jdbc.sql("select c.id from customer_visitors l join conversations c on c.visitor_id = l.visitor_id "
                        + "where l.customer_id = ? and c.status = 'open' order by c.created_at desc")
                .param(customerId).query(String.class).list();
    }

    long acceptedOn(String customerId, LocalDate serviceDay) {
        return jdbc.sql("select count(*) from outreach_messages where customer_id = ? and service_day = ?")
                .params(customerId, serviceDay).query(Long.class).single();
    }

    void insert(OutreachMessage message, LocalDate serviceDay, String requestedBy) {
        jdbc.sql("insert into outreach_messages (id, customer_id, template_id, template_version, body, buttons, status, "
                        + "not_before, service_day, requested_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(message.id(), message.customerId(), message.templateId(), message.templateVersion(),
                        message.body(), json.writeValueAsString(message.buttons()), message.status().wireName(),
                        at(message.notBefore()), serviceDay, requestedBy, at(message.createdAt()))
                .update();
    }

    /** Claims a pending message for delivery: true for the one caller that gets it, on any node. */
    boolean claim(String id, String conversationId, long seq, Instant at) {
        return jdbc.sql("update outreach_messages set status = 'delivered', delivered_at = ?, conversation_id = ?, "
                        + "seq = ? where id = ? and status = 'pending'")
                .params(at(at), conversationId, seq, id).update() == 1;
    }

    /** Pending messages due by {@code now} for the customers this visitor is, oldest first. */
    List<OutreachMessage> dueForVisitor(String visitorId, Instant now) {
        return jdbc.sql("select " + prefixed("o") + " from outreach_messages o join customer_visitors l "
                        + "on l.customer_id = o.customer_id where l.visitor_id = ? and o.status = 'pending' "
                        + "and o.not_before <= ? order by o.created_at")
                .params(visitorId, at(now)).query(this::message).list();
    }

    /** Pending messages due by {@code now}, oldest first, for the sweep. */
    List<OutreachMessage> due(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from outreach_messages where status = 'pending' and not_before <= ? "
                        + "order by not_before").param(at(now)).withMaxRows(limit).query(this::message).list();
    }

    Optional<OutreachMessage> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from outreach_messages where id = ?").param(id)
                .query(this::message).optional();
    }

    /** What the customer wrote first after the message was shown (a quick button's text, or a reply), if anything. */
    Optional<String> response(String conversationId, long seq) {
        return jdbc.sql("select body from messages where conversation_id = ? and seq > ? and sender = 'customer' "
                        + "order by seq").params(conversationId, seq).withMaxRows(1).query(String.class).optional();
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private OutreachMessage message(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("seq");
        Long delivered = rs.wasNull() ? null : seq;
        return new OutreachMessage(rs.getString("id"), rs.getString("customer_id"), rs.getString("template_id"),
                rs.getInt("template_version"), rs.getString("body"), json.readValue(rs.getString("buttons"), BUTTONS),
                OutreachStatus.fromWireName(rs.getString("status")), instant(rs, "not_before"),
                instant(rs, "created_at"), instant(rs, "delivered_at"), rs.getString("conversation_id"), delivered);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
