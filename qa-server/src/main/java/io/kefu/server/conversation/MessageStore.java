package io.kefu.server.conversation;

import io.kefu.qa.Suggestion;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import java.util.Optional;

/**
 * The one owner of the {@code messages} table: every message of every conversation, with the bot's decisions logged
 * on the first message of its reply. Plain JDBC; callers hold the transaction (and reserve the numbers through
 * {@link ConversationStore} first). The public reads are for tests that check what was stored.
 */
@Component
public class MessageStore {

    private static final TypeReference<Extra> EXTRA = new TypeReference<>() {
    };

    /** The width of messages.stage: a rule naming a long template is cut rather than failing the turn. */
    static final int STAGE_LENGTH = 200;
    /** The width of messages.decision_question. */
    static final int QUESTION_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MessageStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a message shows besides its text, stored as JSON. */
    record Extra(List<Suggestion> suggestions, List<String> quickReplies) {
    }

    /**
     * What the bot decided on a customer message, as logged on the first message of its reply.
     *
     * @param maskedQuestion the question with mobile, ID and card numbers masked
     */
    record DecisionLog(String maskedQuestion, BotDecision decision) {
    }

    /**
     * A decision log entry as stored: the masked question, the kind, the matched id and the stage that decided
     * ({@code chosen} when the customer clicked a suggestion).
     */
    public record LoggedDecision(String question, String kind, String matchedId, String stage) {
    }

    void insert(String conversationId, StoredMessage message) {
        insert(conversationId, List.of(message), null);
    }

    /**
     * Inserts messages with one statement (one row each), whatever their number; {@code decision} (or null) is
     * logged on the first of them.
     */
    void insert(String conversationId, List<StoredMessage> messages, DecisionLog decision) {
        if (messages.isEmpty()) return;
        var sql = new StringBuilder("insert into messages (conversation_id, seq, sender, kind, client_id, reply_to, "
                + "body, extra, created_at, agent, decision_kind, decision_question, matched_id, score, stage, micros) "
                + "values ");
        var params = new ArrayList<>(messages.size() * 16);
        for (int i = 0; i < messages.size(); i++) {
            StoredMessage message = messages.get(i);
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

    /** The message a customer's client or an agent's console sent under this id, if stored. */
    public Optional<StoredMessage> byClientId(String conversationId, Sender sender, String clientId) {
        return jdbc.sql("select * from messages where conversation_id = ? and client_id = ? and sender = ?")
                .params(conversationId, clientId, sender.wireName()).query(this::message).optional();
    }

    /**
     * Whether the message numbered {@code seq} has been answered. A reply is numbered after what it answers, so the
     * primary key's range after {@code seq} holds it: no index of its own, which every stored message would pay for.
     */
    public boolean hasReplyTo(String conversationId, long seq) {
        return jdbc.sql("select count(*) from messages where conversation_id = ? and seq > ? and reply_to = ?")
                .params(conversationId, seq, seq).query(Long.class).single() > 0;
    }

    /** Messages after {@code seq}, oldest first, at most {@code limit}. */
    List<StoredMessage> after(String conversationId, long seq, int limit) {
        return jdbc.sql("select * from messages where conversation_id = ? and seq > ? order by seq")
                .params(conversationId, seq).withMaxRows(limit).query(this::message).list();
    }

    /** The whole conversation, oldest first, at most {@code limit} messages (the latest ones). */
    List<TranscriptLine> transcript(String conversationId, int limit) {
        var messages = new ArrayList<StoredMessage>();
        var decisions = new HashMap<Long, LoggedDecision>(); // by the customer message decided on
        jdbc.sql("select * from messages where conversation_id = ? "
                        + "and seq > (select last_seq from conversations where id = ?) - ? order by seq")
                .params(conversationId, conversationId, limit)
                .query(rs -> {
                    StoredMessage message = message(rs, 0);
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
    public Optional<LoggedDecision> decision(String conversationId, long seq) {
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

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private StoredMessage message(ResultSet rs, int row) throws SQLException {
        String extraJson = rs.getString("extra");
        Extra extra = extraJson == null ? new Extra(List.of(), List.of()) : json.readValue(extraJson, EXTRA);
        Number replyTo = (Number) rs.getObject("reply_to");
        return new StoredMessage(rs.getLong("seq"), Sender.fromWireName(rs.getString("sender")), rs.getString("kind"),
                rs.getString("body"), rs.getString("client_id"), replyTo == null ? null : replyTo.longValue(),
                extra.suggestions(), extra.quickReplies(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("agent"));
    }
}
