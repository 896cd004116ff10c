package io.kefu.server.ticket;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Moves the tickets recorded before the desk existed into its model (Flyway's V21): the kind from the form's intent
 * and the hand-off reason, priority, visitor and channel from the conversation, phone and subject from the slots,
 * the due time from the default limits, and a {@code created} event. They stay 待处理 and unassigned.
 */
public final class TicketMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> SLOTS = new TypeReference<>() {
    };

    private TicketMigration() {
    }

    public static void migrate(Connection db) throws SQLException {
        String select = "select t.id, t.intent, t.slots, t.created_at, c.visitor_id, c.channel, c.vip, c.handoff_reason "
                + "from tickets t left join conversations c on c.id = t.conversation_id";
        String update = "update tickets set kind = ?, priority = ?, due_at = ?, channel = ?, visitor_id = ?, phone = ?, "
                + "subject = ?, updated_at = ? where id = ?";
        String event = "insert into ticket_events (ticket_id, seq, at, actor, kind, status) values (?, 1, ?, 'system', "
                + "'created', 'open')";
        try (PreparedStatement read = db.prepareStatement(select); ResultSet rs = read.executeQuery();
             PreparedStatement write = db.prepareStatement(update); PreparedStatement history = db.prepareStatement(event)) {
            while (rs.next()) {
                Map<String, String> slots = JSON.readValue(rs.getString("slots"), SLOTS);
                TicketKind kind = TicketKind.of(rs.getString("intent"), "complaint".equals(rs.getString("handoff_reason")));
                OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
                write.setString(1, kind.wireName());
                write.setInt(2, kind == TicketKind.COMPLAINT ? 2 : rs.getBoolean("vip") ? 1 : 0);
                write.setObject(3, created.plus(TicketSettings.DEFAULT_LIMITS.get(kind)));
                write.setString(4, rs.getString("channel") == null ? "web" : rs.getString("channel"));
                write.setString(5, rs.getString("visitor_id"));
                write.setString(6, TicketSlots.phone(slots));
                write.setString(7, TicketSlots.subject(slots));
                write.setObject(8, created);
                write.setString(9, rs.getString("id"));
                write.addBatch();
                history.setString(1, rs.getString("id"));
                history.setObject(2, created);
                history.addBatch();
            }
            write.executeBatch();
            history.executeBatch();
        }
    }
}
