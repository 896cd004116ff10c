package io.kefu.server.chat;

import io.kefu.qa.intent.PersonalNumbers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Conversations as the customer's socket sees them: start or resume, receive a message (stored before it is
 * acknowledged, once per client message id), the bot's reply, replay, close and rating. Every message gets the next
 * sequence number of its conversation from one atomic update of the conversation's row, which holds the row's lock
 * until the message is stored: numbers have no gaps, on one node or several sharing the database.
 */
@Service
public class ChatService {

    /** The most messages one resume replays (a conversation longer than this is not a chat). */
    static final int REPLAY_LIMIT = 2000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatStore store;
    private final BotResponder responder;
    private final TransactionTemplate tx;

    ChatService(ChatStore store, BotResponder responder, PlatformTransactionManager transactions) {
        this.store = store;
        this.responder = responder;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * A socket's conversation after {@code hello}.
     *
     * @param token   the visitor's secret: the one it sent, or a new one when it sent none or an unknown one
     * @param resumed true when the requested conversation was continued
     */
    record Session(String visitorId, String token, Conversation conversation, boolean resumed) {
    }

    /**
     * Resumes the visitor's open conversation, or starts a new one. A conversation is resumed only for the visitor
     * that owns it: an unknown token or someone else's conversation id gets a fresh visitor or conversation and
     * learns nothing about the one asked for.
     */
    Session start(String token, String conversationId, boolean vip) {
        return tx.execute(status -> {
            String visitorId = token == null ? null : store.visitorByTokenHash(hash(token)).orElse(null);
            String issued = token;
            if (visitorId == null) {
                issued = newToken();
                visitorId = UUID.randomUUID().toString();
                store.insertVisitor(visitorId, hash(issued));
            }
            String owner = visitorId;
            Optional<Conversation> resumed = conversationId == null ? Optional.empty()
                    : store.conversation(conversationId).filter(c -> c.visitorId().equals(owner) && c.open());
            if (resumed.isPresent()) {
                if (vip) store.markVip(resumed.get().id());
                return new Session(visitorId, issued, resumed.get(), true);
            }
            String id = UUID.randomUUID().toString();
            store.insertConversation(id, visitorId, "web");
            if (vip) store.markVip(id);
            return new Session(visitorId, issued, new Conversation(id, visitorId, true, 0), false);
        });
    }

    /**
     * A customer message, stored before this returns.
     *
     * @param duplicate  the client id was seen before: nothing new was stored
     * @param needsReply the bot has not answered it yet
     * @param handoff    who answers the conversation ({@code null}: a duplicate in a closed conversation)
     * @param agent      the agent's user name when an agent answers it
     * @param dialogueState the bot's memory of the conversation when the message was stored (JSON; {@code null}:
     *                   none yet), read by the same statement that numbered the message
     */
    record Received(ChatMessage message, boolean duplicate, boolean needsReply, Handoff handoff, String agent,
                    String dialogueState) {
    }

    Received receive(Conversation conversation, String clientId, String text) {
        try {
            Optional<Received> stored = tx.execute(status -> {
                Optional<ChatStore.Reserved> reserved = store.reserveForCustomer(conversation.id());
                if (reserved.isEmpty()) return Optional.empty();
                var message = new ChatMessage(reserved.get().seq(), Sender.CUSTOMER, "text", text, clientId, null,
                        List.of(), List.of(), Instant.now(), null);
                store.insertMessage(conversation.id(), message);
                return Optional.of(new Received(message, false, reserved.get().handoff() != Handoff.AGENT,
                        reserved.get().handoff(), reserved.get().agent(), reserved.get().dialogueState()));
            });
            return stored.orElseGet(() -> seen(conversation.id(), clientId).orElseThrow(() -> new ChatException(
                    "conversation_closed", "本次会话已结束，如需继续咨询，请开始新的会话。", clientId)));
        } catch (DuplicateKeyException e) {
            // the client id is taken (the insert rolled back with its number): a resend, acknowledged again
            return seen(conversation.id(), clientId).orElseThrow(() -> e);
        }
    }

    /**
     * A customer message stored earlier under this client id, as a duplicate (with no hand-off state when the
     * conversation is closed).
     */
    private Optional<Received> seen(String conversationId, String clientId) {
        return store.messageByClientId(conversationId, clientId).map(seen -> {
            Optional<ChatStore.Reserved> open = store.open(conversationId);
            boolean unanswered = open.isPresent() && open.get().handoff() != Handoff.AGENT
                    && !store.hasReplyTo(conversationId, seen.seq());
            return new Received(seen, true, unanswered, open.map(ChatStore.Reserved::handoff).orElse(null),
                    open.map(ChatStore.Reserved::agent).orElse(null),
                    unanswered ? open.get().dialogueState() : null);
        });
    }

    /**
     * What the bot said to one customer message.
     *
     * @param messages   stored and numbered; empty when the question was answered meanwhile
     * @param escalation why a person should take over now (human, complaint, form_failed, no_answer), or null
     */
    record Replied(List<ChatMessage> messages, String escalation) {
    }

    /**
     * Asks the bot (outside any transaction, with the dialogue state read when the message was stored), then stores
     * its messages, decision and dialogue state in one transaction; returns them numbered, or nothing when the
     * question was answered meanwhile.
     *
     * @param chosenEntry the id of the standard question whose suggestion button the customer clicked, or null
     */
    Replied reply(Conversation conversation, Received received, String chosenEntry) {
        ChatMessage question = received.message();
        BotTurn answered = responder.respond(conversation, question.text(), chosenEntry, received.dialogueState());
        BotTurn turn = received.handoff() == Handoff.WAITING && !answered.clearAnswer() ? answered.whileWaiting()
                : answered;
        return new Replied(store(conversation.id(), question, turn),
                turn.handoff() == null ? null : turn.handoff().wireName());
    }

    /**
     * Stores the bot's turn; {@code question} is the customer message it answers, or null when the bot began. The
     * conversation's row is locked first (by reserving the numbers), so two nodes answering the same resent question
     * are stored one after the other, and the second sees the first's reply and stores nothing.
     */
    private List<ChatMessage> store(String id, ChatMessage question, BotTurn turn) {
        if (turn.messages().isEmpty()) return List.of();
        Long replyTo = question == null ? null : question.seq();
        return tx.execute(status -> {
            long last = store.reserve(id, turn.messages().size(), turn.state()).orElseThrow(() -> vanished(id));
            if (question != null && store.hasReplyTo(id, question.seq())) {
                status.setRollbackOnly();
                return List.of();
            }
            long seq = last - turn.messages().size();
            var stored = new ArrayList<ChatMessage>();
            for (OutgoingMessage out : turn.messages()) {
                stored.add(new ChatMessage(++seq, Sender.BOT, out.kind(), out.text(), null, replyTo,
                        out.suggestions(), out.quickReplies(), Instant.now(), null));
            }
            ChatStore.DecisionLog decision = question == null || turn.decision() == null ? null
                    : new ChatStore.DecisionLog(PersonalNumbers.maskText(question.text()), turn.decision());
            store.insertMessages(id, stored, decision);
            return stored;
        });
    }

    /** Messages {@code from..to} of a conversation (e.g. ones another node added). */
    public List<ChatMessage> messages(String conversationId, long from, long to) {
        return store.messagesAfter(conversationId, from - 1, (int) Math.min(REPLAY_LIMIT, to - from + 1));
    }

    /** The messages after {@code seq}, for a resuming client. */
    List<ChatMessage> replay(Conversation conversation, long seq) {
        return store.messagesAfter(conversation.id(), seq, REPLAY_LIMIT);
    }

    /** Ends the conversation with a system notice, which the client answers with the rating prompt. */
    ChatMessage close(Conversation conversation) {
        return close(conversation.id(), null).orElseThrow(() -> new ChatException("conversation_closed", "本次会话已经结束。"));
    }

    /**
     * Ends an open conversation (the customer, or an agent with a category tag) with the closing notice, which the
     * customer's client answers with the rating prompt; empty when it was closed already.
     */
    public Optional<ChatMessage> close(String conversationId, String tag) {
        return tx.execute(status -> {
            OptionalLong seq = store.reserveAndClose(conversationId, tag);
            if (seq.isEmpty()) return Optional.empty();
            var notice = ChatMessage.plain(seq.getAsLong(), Sender.SYSTEM, "closed",
                    "本次会话已结束，感谢您的咨询！欢迎为本次服务打分。", null);
            store.insertMessage(conversationId, notice);
            return Optional.of(notice);
        });
    }

    /**
     * Adds a message from an agent or the system to an open conversation; empty when it is closed.
     *
     * @param agent the agent's display name, for an agent's message
     */
    public Optional<ChatMessage> say(String conversationId, Sender sender, String kind, String text, String agent) {
        return tx.execute(status -> {
            OptionalLong seq = store.reserve(conversationId, 1);
            if (seq.isEmpty()) return Optional.empty();
            var message = ChatMessage.plain(seq.getAsLong(), sender, kind, text, agent);
            store.insertMessage(conversationId, message);
            return Optional.of(message);
        });
    }

    /** Has the bot start a form (e.g. taking a message) in an open conversation; returns what it asked. */
    public List<ChatMessage> startForm(String conversationId, String intent) {
        BotTurn turn = responder.begin(conversationId, intent);
        return store(conversationId, null, turn);
    }

    /** The conversation for an agent: every message, with what the bot matched for customer messages. */
    public List<TranscriptLine> transcript(String conversationId) {
        return store.transcript(conversationId, REPLAY_LIMIT);
    }

    /** Rates a closed conversation; rating again replaces the rating. */
    void rate(Conversation conversation, int stars, String remark) {
        tx.executeWithoutResult(status -> {
            Conversation current = locked(conversation.id());
            if (current.open()) throw new ChatException("not_closed", "请在会话结束后再进行评价。");
            store.saveRating(current.id(), stars, remark);
        });
    }

    private Conversation locked(String id) {
        return store.lockConversation(id).orElseThrow(() -> vanished(id));
    }

    private static IllegalStateException vanished(String id) {
        return new IllegalStateException("conversation " + id + " vanished");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
