package io.kefu.server.chat;

import io.kefu.qa.Suggestion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.OptionalLong;

/**
 * Visitors, conversations, messages, bot decisions and ratings in the database (H2 or PostgreSQL, same SQL).
 * Plain JDBC; callers hold the transaction. A plain component rather than a {@code @Repository}: {@link JdbcClient}
 * already translates SQL errors (a taken key is a {@code DuplicateKeyException}), and the translating proxy would
 * only add a reflective call to every statement of the chat's hot path.
 */
@Component
class ChatStore {

    private static final TypeReference<Extra> EXTRA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChatStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a message shows besides its text, stored as JSON. */
    record Extra(List<Suggestion> suggestions, List<String> quickReplies) {
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
                .query(ChatStore::conversation).optional();
    }

    /** The conversation, its row locked until the transaction ends. */
    Optional<Conversation> lockConversation(String id) {
        return jdbc.sql("select id, visitor_id, status, last_seq from conversations where id = ? for update").param(id)
                .query(ChatStore::conversation).optional();
    }

    /** The bot's memory of the conversation, as JSON; empty for a new one. */
    Optional<String> dialogueState(String conversationId) {
        return jdbc.sql("select dialogue_state from conversations where id = ?").param(conversationId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
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
                Handoff.fromWireName((String) keys.get("handoff")), (String) keys.get("agent"),
                (String) keys.get("dialogue_state")));
    }

    /**
     * A reserved sequence number and who answers the conversation.
     *
     * @param dialogueState the bot's memory of the conversation as JSON ({@code null}: none yet, or not read)
     */
    record Reserved(long seq, Handoff handoff, String agent, String dialogueState) {
    }

    /**
     * Who answers an open conversation now, the agent's user name when an agent does, and the bot's memory of it, in
     * one read; empty when the conversation is closed or gone.
     */
    Optional<Reserved> open(String conversationId) {
        return jdbc.sql("select last_seq, handoff, agent, dialogue_state from conversations "
                        + "where id = ? and status = 'open'").param(conversationId)
                .query((rs, row) -> new Reserved(rs.getLong(1), Handoff.fromWireName(rs.getString(2)), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    void markVip(String conversationId) {
        jdbc.sql("update conversations set vip = true where id = ?").param(conversationId).update();
    }

    /** {@link #reserve} for the bot's reply, storing its dialogue state ({@code null}: keep it) in the same update. */
    OptionalLong reserve(String conversationId, int count, String dialogueState) {
        if (dialogueState == null) {
            return update("update conversations set last_seq = last_seq + ? where id = ?", count, conversationId);
        }
        return update("update conversations set last_seq = last_seq + ?, dialogue_state = ? where id = ?",
                count, dialogueState, conversationId);
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

    void insertMessage(String conversationId, ChatMessage message) {
        insertMessages(conversationId, List.of(message), null);
    }

    /**
     * What the bot decided on a customer message, as logged on the first message of its reply.
     *
     * @param maskedQuestion the question with mobile, ID and card numbers masked
     */
    record DecisionLog(String maskedQuestion, BotDecision decision) {
    }

    /**
     * Inserts messages with one statement (one row each), whatever their number; {@code decision} (or null) is
     * logged on the first of them.
     */
    void insertMessages(String conversationId, List<ChatMessage> messages, DecisionLog decision) {
        if (messages.isEmpty()) return;
        var sql = new StringBuilder("insert into messages (conversation_id, seq, sender, kind, client_id, reply_to, "
                + "body, extra, created_at, agent, decision_kind, decision_question, matched_id, score, stage, micros) "
                + "values ");
        var params = new ArrayList<>(messages.size() * 16);
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            String extra = message.suggestions().isEmpty() && message.quickReplies().isEmpty() ? null
                    : json.writeValueAsString(new Extra(message.suggestions(), message.quickReplies()));
            params.addAll(Arrays.asList(conversationId, message.seq(), message.sender().wireName(),
                    message.kind(), message.clientId(), message.replyTo(), message.text(), extra,
                    message.at().atOffset(ZoneOffset.UTC), message.agent()));
            params.addAll(decisionColumns(i == 0 ? decision : null));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** The decision columns of one inserted message: all null but on the reply's first message. */
    private static List<Object> decisionColumns(DecisionLog logged) {
        if (logged == null) return Arrays.asList(null, null, null, null, null, null);
        BotDecision decision = logged.decision();
        return Arrays.asList(decision.kind(), clip(logged.maskedQuestion(), QUESTION_LENGTH), decision.matchedId(),
                decision.score(), clip(decision.stage(), STAGE_LENGTH), decision.micros());
    }

    Optional<ChatMessage> messageByClientId(String conversationId, String clientId) {
        return jdbc.sql("select * from messages where conversation_id = ? and client_id = ?")
                .params(conversationId, clientId).query(this::message).optional();
    }

    /**
     * Whether the message numbered {@code seq} has been answered. A reply is numbered after what it answers, so the
     * primary key's range after {@code seq} holds it: no index of its own, which every stored message would pay for.
     */
    boolean hasReplyTo(String conversationId, long seq) {
        return jdbc.sql("select count(*) from messages where conversation_id = ? and seq > ? and reply_to = ?")
                .params(conversationId, seq, seq).query(Long.class).single() > 0;
    }

    /** Messages after {@code seq}, oldest first, at most {@code limit}. */
    List<ChatMessage> messagesAfter(String conversationId, long seq, int limit) {
        return jdbc.sql("select * from messages where conversation_id = ? and seq > ? order by seq")
                .params(conversationId, seq).withMaxRows(limit).query(this::message).list();
    }

    /** The width of messages.stage: a rule naming a long template is cut rather than failing the turn. */
    static final int STAGE_LENGTH = 200;
    /** The width of messages.decision_question. */
    static final int QUESTION_LENGTH = 2000;

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * A decision log entry as stored: the masked question, the kind, the matched id and the stage that decided
     * ({@code chosen} when the customer clicked a suggestion).
     */
    record LoggedDecision(String question, String kind, String matchedId, String stage) {
    }

    /** The whole conversation, oldest first, at most {@code limit} messages (the latest ones). */
    List<TranscriptLine> transcript(String conversationId, int limit) {
        var messages = new ArrayList<ChatMessage>();
        var decisions = new HashMap<Long, LoggedDecision>(); // by the customer message decided on
        jdbc.sql("select * from messages where conversation_id = ? "
                        + "and seq > (select last_seq from conversations where id = ?) - ? order by seq")
                .params(conversationId, conversationId, limit)
                .query(rs -> {
                    ChatMessage message = message(rs, 0);
                    messages.add(message);
                    LoggedDecision decision = loggedDecision(rs);
                    if (decision != null && message.replyTo() != null) decisions.put(message.replyTo(), decision);
                });
        return messages.stream().map(message -> {
            LoggedDecision decision = message.sender() == Sender.CUSTOMER ? decisions.get(message.seq()) : null;
            return new TranscriptLine(message, decision == null ? null : decision.kind(),
                    decision == null ? null : decision.matchedId());
        }).toList();
    }

    /** What the bot decided on customer message {@code seq}: logged on its reply, numbered after it. */
    Optional<LoggedDecision> decision(String conversationId, long seq) {
        return jdbc.sql("select * from messages where conversation_id = ? and seq > ? and reply_to = ? "
                        + "and decision_kind is not null order by seq")
                .params(conversationId, seq, seq).withMaxRows(1)
                .query((rs, row) -> loggedDecision(rs)).optional();
    }

    private static LoggedDecision loggedDecision(ResultSet rs) throws SQLException {
        String kind = rs.getString("decision_kind");
        if (kind == null) return null;
        return new LoggedDecision(rs.getString("decision_question"), kind, rs.getString("matched_id"),
                rs.getString("stage"));
    }

    /** One rating per conversation; rating again replaces it. */
    void saveRating(String conversationId, int stars, String remark) {
        jdbc.sql("delete from ratings where conversation_id = ?").param(conversationId).update();
        jdbc.sql("insert into ratings (conversation_id, stars, remark, created_at) values (?, ?, ?, ?)")
                .params(conversationId, stars, remark, now()).update();
    }

    Optional<Integer> stars(String conversationId) {
        return jdbc.sql("select stars from ratings where conversation_id = ?").param(conversationId)
                .query(Integer.class).optional();
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getString("id"), rs.getString("visitor_id"), "open".equals(rs.getString("status")),
                rs.getLong("last_seq"));
    }

    private ChatMessage message(ResultSet rs, int row) throws SQLException {
        String extraJson = rs.getString("extra");
        Extra extra = extraJson == null ? new Extra(List.of(), List.of()) : json.readValue(extraJson, EXTRA);
        Number replyTo = (Number) rs.getObject("reply_to");
        return new ChatMessage(rs.getLong("seq"), Sender.fromWireName(rs.getString("sender")), rs.getString("kind"),
                rs.getString("body"), rs.getString("client_id"), replyTo == null ? null : replyTo.longValue(),
                extra.suggestions(), extra.quickReplies(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("agent"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
