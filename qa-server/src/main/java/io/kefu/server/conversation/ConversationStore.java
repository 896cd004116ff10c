package io.kefu.server.conversation;

import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.HandoffReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The one owner of the {@code conversations} table (with the visitors and ratings around it): its sequence numbers,
 * the bot's memory, and who answers it, which the queue and the agents read and change through here. Plain JDBC;
 * callers hold the transaction. A plain component rather than a {@code @Repository}: {@link JdbcClient} already
 * translates SQL errors (a taken key is a {@code DuplicateKeyException}), and the translating proxy would only add a
 * reflective call to every statement of the chat's hot path.
 */
@Component
public class ConversationStore {

    /** The customer's latest message, for queue and conversation lists. */
    private static final String ROUTING = "select c.*, (select m.body from messages m where m.conversation_id = c.id "
            + "and m.sender = 'customer' order by m.seq desc limit 1) as last_text from conversations c ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConversationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insertVisitor(String id, String tokenHash) {
        jdbc.sql("insert into visitors (id, token_hash, created_at) values (?, ?, ?)")
                .params(id, tokenHash, now()).update();
    }

    Optional<String> visitorByTokenHash(String tokenHash) {
        return jdbc.sql("select id from visitors where token_hash = ?").param(tokenHash)
                .query(String.class).optional();
    }

    void insertConversation(String id, String visitorId, String channel) {
        jdbc.sql("insert into conversations (id, visitor_id, channel, status, last_seq, created_at) "
                        + "values (?, ?, ?, 'open', 0, ?)")
                .params(id, visitorId, channel, now()).update();
    }

    Optional<Conversation> conversation(String id) {
        return jdbc.sql("select id, visitor_id, status, last_seq from conversations where id = ?").param(id)
                .query(ConversationStore::conversation).optional();
    }

    /** The visitor a conversation belongs to (e.g. to find what else that visitor asked for). */
    public Optional<String> visitorOf(String conversationId) {
        return jdbc.sql("select visitor_id from conversations where id = ?").param(conversationId).query(String.class)
                .optional();
    }

    /** The conversation, its row locked until the transaction ends. */
    Optional<Conversation> lockConversation(String id) {
        return jdbc.sql("select id, visitor_id, status, last_seq from conversations where id = ? for update").param(id)
                .query(ConversationStore::conversation).optional();
    }

    /** The bot's memory of the conversation; empty for a new one. */
    Optional<DialogueState> dialogueState(String conversationId) {
        return jdbc.sql("select dialogue_state from conversations where id = ?").param(conversationId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o)
                .map(this::readState);
    }

    /**
     * Reserves the next {@code count} sequence numbers of an open conversation in one atomic update, which also locks
     * its row until the transaction ends (so its messages are numbered one transaction at a time, on every node).
     *
     * @return the last reserved number (the reserved ones end there); empty when the conversation is closed or gone
     */
    OptionalLong reserve(String conversationId, int count) {
        return update("update conversations set last_seq = last_seq + ? where id = ? and status = 'open'",
                count, conversationId);
    }

    /**
     * {@link #reserve} of one number for a customer message, also reading who answers the conversation now (in the
     * same statement, so a hand-off cannot slip between the two) and the bot's memory of it (so that answering the
     * message needs no statement of its own to read it).
     */
    Optional<Reserved> reserveForCustomer(String conversationId) {
        var updated = new GeneratedKeyHolder();
        int rows = jdbc.sql("update conversations set last_seq = last_seq + 1 where id = ? and status = 'open'")
                .param(conversationId).update(updated, "last_seq", "handoff", "agent", "dialogue_state");
        if (rows == 0) return Optional.empty();
        Map<String, Object> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.putAll(updated.getKeys());
        return Optional.of(new Reserved(((Number) keys.get("last_seq")).longValue(),
                HandoffState.fromWireName((String) keys.get("handoff")), (String) keys.get("agent"),
                state((String) keys.get("dialogue_state"))));
    }

    /**
     * A reserved sequence number and who answers the conversation.
     *
     * @param dialogueState the bot's memory of the conversation ({@link DialogueState#start()}: none yet)
     */
    record Reserved(long seq, HandoffState handoff, String agent, DialogueState dialogueState) {
    }

    /**
     * Who answers an open conversation now, the agent's user name when an agent does, and the bot's memory of it, in
     * one read; empty when the conversation is closed or gone.
     */
    Optional<Reserved> open(String conversationId) {
        return jdbc.sql("select last_seq, handoff, agent, dialogue_state from conversations "
                        + "where id = ? and status = 'open'").param(conversationId)
                .query((rs, row) -> new Reserved(rs.getLong(1), HandoffState.fromWireName(rs.getString(2)),
                        rs.getString(3), state(rs.getString(4))))
                .optional();
    }

    void markVip(String conversationId) {
        jdbc.sql("update conversations set vip = true where id = ?").param(conversationId).update();
    }

    /** {@link #reserve} for the bot's reply, storing its dialogue state ({@code null}: keep it) in the same update. */
    OptionalLong reserve(String conversationId, int count, DialogueState dialogueState) {
        if (dialogueState == null) {
            return update("update conversations set last_seq = last_seq + ? where id = ?", count, conversationId);
        }
        return update("update conversations set last_seq = last_seq + ?, dialogue_state = ? where id = ?",
                count, json.writeValueAsString(dialogueState), conversationId);
    }

    /**
     * {@link #reserve} for the closing notice: one number, and the conversation is closed by the same update (a
     * closed conversation is in no queue and no agent's load, whatever its hand-off state says).
     *
     * @param tag the agent's category for the conversation, or {@code null}
     */
    OptionalLong reserveAndClose(String conversationId, String tag) {
        return update("update conversations set last_seq = last_seq + 1, status = 'closed', closed_at = ?, "
                + "close_tag = ? where id = ? and status = 'open'", now(), tag, conversationId);
    }

    /** Runs an update of one conversation and returns its new last_seq, as a generated key (PostgreSQL: RETURNING). */
    private OptionalLong update(String sql, Object... params) {
        var updated = new GeneratedKeyHolder();
        if (jdbc.sql(sql).params(params).update(updated, "last_seq") == 0) return OptionalLong.empty();
        return OptionalLong.of(((Number) updated.getKeys().values().iterator().next()).longValue());
    }

    // ---------------------------------------------------------------- who answers it: the queue and the agents

    /** Holds the one hand-off lock until the transaction ends: assignments happen one at a time, on all nodes. */
    public void lockAssignments() {
        jdbc.sql("select id from handoff_lock where id = 1 for update").query(Integer.class).single();
    }

    public Optional<Routing> routing(String conversationId) {
        return jdbc.sql(ROUTING + "where c.id = ?").param(conversationId).query(ConversationStore::routing).optional();
    }

    /** Who answers the conversation. */
    public Optional<HandoffState> handoff(String conversationId) {
        return jdbc.sql("select handoff from conversations where id = ?").param(conversationId).query(String.class)
                .optional().map(HandoffState::fromWireName);
    }

    /** Why the conversation asked for a person when nobody could take it (it stays with the bot). */
    public void keepReason(String conversationId, HandoffReason reason) {
        jdbc.sql("update conversations set handoff_reason = ? where id = ?").params(reason.wireName(), conversationId)
                .update();
    }

    /** Puts a conversation answered by the bot in the queue; false when it is not with the bot (or closed). */
    public boolean enqueue(String conversationId, int priority, HandoffReason reason, Instant now) {
        return jdbc.sql("update conversations set handoff = 'waiting', agent = null, priority = ?, handoff_reason = ?, "
                        + "skill_group = null, queued_at = ? where id = ? and status = 'open' and handoff = 'bot'")
                .params(priority, reason.wireName(), at(now), conversationId).update() == 1;
    }

    /** The waiting conversations, first to serve first. */
    public List<Routing> queue() {
        return jdbc.sql(ROUTING + "where c.handoff = 'waiting' and c.status = 'open' "
                + "order by c.priority desc, c.queued_at, c.id").query(ConversationStore::routing).list();
    }

    /** The open conversations an agent serves. */
    public List<Routing> servedBy(String agent) {
        return jdbc.sql(ROUTING + "where c.agent = ? and c.handoff = 'agent' and c.status = 'open' "
                + "order by c.assigned_at").param(agent).query(ConversationStore::routing).list();
    }

    /** The latest open conversations, whoever answers them (the supervisor's live list). */
    public List<Routing> live(int limit) {
        return jdbc.sql(ROUTING + "where c.status = 'open' order by c.handoff desc, c.created_at desc")
                .withMaxRows(limit).query(ConversationStore::routing).list();
    }

    /**
     * Gives an open conversation to an agent; false when it is closed, or not waiting when {@code onlyIfWaiting}
     * (routing and picking take waiting ones only; takeover, reassignment and transfer take it from whoever had it).
     */
    public boolean assign(String conversationId, String agent, Instant now, boolean onlyIfWaiting) {
        return jdbc.sql("update conversations set handoff = 'agent', agent = ?, assigned_at = ? "
                        + "where id = ? and status = 'open'" + (onlyIfWaiting ? " and handoff = 'waiting'" : ""))
                .params(agent, at(now), conversationId).update() == 1;
    }

    /** Back to the queue with a priority (and for a skill group, or any agent when null). */
    public boolean requeue(String conversationId, int priority, String skillGroup, Instant now) {
        return jdbc.sql("update conversations set handoff = 'waiting', agent = null, priority = ?, skill_group = ?, "
                        + "queued_at = ? where id = ? and status = 'open'")
                .params(priority, skillGroup, at(now), conversationId).update() == 1;
    }

    /** Back to the bot; the agent stays recorded as the one who served it. */
    public boolean toBot(String conversationId) {
        return jdbc.sql("update conversations set handoff = 'bot', priority = 0, queued_at = null, skill_group = null "
                        + "where id = ? and status = 'open'").param(conversationId).update() == 1;
    }

    // ---------------------------------------------------------------- ratings

    /** One rating per conversation; rating again replaces it. */
    void saveRating(String conversationId, int stars, String remark) {
        jdbc.sql("delete from ratings where conversation_id = ?").param(conversationId).update();
        jdbc.sql("insert into ratings (conversation_id, stars, remark, created_at) values (?, ?, ?, ?)")
                .params(conversationId, stars, remark, now()).update();
    }

    public Optional<Integer> stars(String conversationId) {
        return jdbc.sql("select stars from ratings where conversation_id = ?").param(conversationId)
                .query(Integer.class).optional();
    }

    /** The stored reason as the type it was written from; {@code null} for none (or one no version wrote). */
    static HandoffReason reason(String wireName) {
        return Arrays.stream(HandoffReason.values()).filter(r -> r.wireName().equals(wireName)).findFirst()
                .orElse(null);
    }

    /** A state with no column value is a new dialogue. */
    private DialogueState state(String stored) {
        return stored == null ? DialogueState.start() : readState(stored);
    }

    /** A state written by an older version that no longer reads is forgotten rather than breaking the chat. */
    private DialogueState readState(String stored) {
        try {
            return json.readValue(stored, DialogueState.class);
        } catch (JacksonException e) {
            return DialogueState.start();
        }
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getString("id"), rs.getString("visitor_id"), "open".equals(rs.getString("status")),
                rs.getLong("last_seq"));
    }

    private static Routing routing(ResultSet rs, int row) throws SQLException {
        OffsetDateTime queuedAt = rs.getObject("queued_at", OffsetDateTime.class);
        return new Routing(rs.getString("id"), HandoffState.fromWireName(rs.getString("handoff")),
                rs.getString("agent"), rs.getInt("priority"), reason(rs.getString("handoff_reason")),
                rs.getString("skill_group"), queuedAt == null ? null : queuedAt.toInstant(), rs.getBoolean("vip"),
                "open".equals(rs.getString("status")), rs.getString("channel"), rs.getString("last_text"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
