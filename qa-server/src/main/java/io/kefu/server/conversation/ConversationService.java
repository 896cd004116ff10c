package io.kefu.server.conversation;

import io.kefu.server.store.StoreWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's conversation, whatever the channel: start or resume it, and the whole path of a customer's message
 * (stored, acknowledged, shown to agents, answered by the bot, delivered, escalated) in {@link #receive}. Channels
 * only translate their frames to and from these calls.
 */
@Service
public class ConversationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConversationStore store;
    private final MessageLog log;
    private final BotResponder bot;
    private final CustomerChannel customers;
    private final ConversationFeed agents;
    private final Handoffs handoffs;
    private final ConversationMeters meters;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final StoreWrites writes;

    /** On a database whose commits are durable when they return (tests of the service on its own). */
    ConversationService(ConversationStore store, MessageLog log, BotResponder bot, CustomerChannel customers,
                        ConversationFeed agents, Handoffs handoffs, ConversationMeters meters,
                        PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this(store, log, bot, customers, agents, handoffs, meters, transactions, events, StoreWrites.AT_COMMIT);
    }

    @Autowired
    ConversationService(ConversationStore store, MessageLog log, BotResponder bot, CustomerChannel customers,
                        ConversationFeed agents, Handoffs handoffs, ConversationMeters meters,
                        PlatformTransactionManager transactions, ApplicationEventPublisher events, StoreWrites writes) {
        this.writes = writes;
        this.store = store;
        this.log = log;
        this.bot = bot;
        this.customers = customers;
        this.agents = agents;
        this.handoffs = handoffs;
        this.meters = meters;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
    }

    /**
     * A customer's conversation once started.
     *
     * @param token   the visitor's secret: the one it sent, or a new one when it sent none or an unknown one
     * @param resumed true when the requested conversation was continued
     */
    public record Session(String visitorId, String token, Conversation conversation, boolean resumed) {
    }

    /**
     * Resumes the visitor's open conversation, or starts a new one. A conversation is resumed only for the visitor
     * that owns it: an unknown token or someone else's conversation id gets a fresh visitor or conversation and
     * learns nothing about the one asked for.
     *
     * @param channel where the customer writes from ({@code web}), stored with a new conversation
     * @param vip     whether the customer goes first in the queue for an agent
     */
    public Session start(String channel, String token, String conversationId, boolean vip) {
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
            store.insertConversation(id, visitorId, channel);
            if (vip) store.markVip(id);
            return new Session(visitorId, issued, new Conversation(id, visitorId, true, 0), false);
        });
    }

    /** The messages after {@code seq}, for a customer coming back. */
    public List<StoredMessage> replay(String conversationId, long seq) {
        return log.after(conversationId, seq);
    }

    /**
     * The customer can be reached again (after {@link #start}): they hear their place in the queue, and news kept for
     * their next visit.
     *
     * @param customerId the operator's id of the customer from a signed visitor profile, or {@code null}
     */
    public void connected(String conversationId, String visitorId, String customerId) {
        handoffs.connected(conversationId);
        events.publishEvent(new CustomerConnected(visitorId, conversationId, customerId));
    }

    /**
     * A customer's message, from being stored to the bot's answer and a hand-off. A customer waiting for an agent
     * hears the bot only when it has a clear answer; a customer served by an agent does not hear it at all.
     * <p>
     * The message is acknowledged once it is in the database's file: on the embedded database that is one shared
     * write every few milliseconds ({@link StoreWrites}), so the bot answers first and one write takes the message
     * and the reply together; the acknowledgement then comes just before the reply.
     */
    public Outcome receive(InboundMessage message, Receipt receipt) {
        long start = System.nanoTime();
        String id = message.conversationId();
        MessageLog.Received received = log.receive(id, message.clientId(), message.text());
        StoredMessage question = received.message();
        if (!received.duplicate()) agents.added(id, received.agent(), List.of(question));
        if (!received.needsReply()) {
            writes.awaitWritten();
            receipt.stored(question, received.duplicate(), false);
            return new Outcome(question, received.duplicate(), false, List.of(), null);
        }

        BotTurn answered = bot.respond(id, question.text(), message.chosenSuggestion(), received.dialogueState());
        BotTurn turn = received.handoff() == HandoffState.WAITING && !answered.clearAnswer()
                ? answered.whileWaiting() : answered;
        // written with the question when there are replies; else (nothing to say, or another node answered) alone
        List<StoredMessage> replies = log.append(id, question, turn);
        if (replies.isEmpty()) writes.awaitWritten();
        receipt.stored(question, received.duplicate(), true);
        for (StoredMessage reply : replies) customers.deliver(id, reply);
        agents.added(id, null, replies);
        if (answered.decision() != null) meters.decided(answered.decision().kind(), start);
        if (turn.handoff() != null) {
            meters.handedOff(turn.handoff());
            handoffs.escalate(id, turn.handoff());
        }
        return new Outcome(question, received.duplicate(), true, replies, turn.handoff());
    }

    /** The customer started or stopped typing. */
    public void typing(String conversationId, boolean on) {
        agents.customerTyping(conversationId, on);
    }

    /** The customer ends the conversation: the closing notice, which the client answers with the rating prompt. */
    public StoredMessage close(String conversationId) {
        StoredMessage notice = log.close(conversationId, null)
                .orElseThrow(() -> new ConversationException("conversation_closed", CustomerTexts.CLOSED_ALREADY));
        handoffs.closedByCustomer(conversationId, notice);
        return notice;
    }

    /** Rates a closed conversation; rating again replaces the rating. */
    public void rate(String conversationId, int stars, String remark) {
        tx.executeWithoutResult(status -> {
            Conversation current = store.lockConversation(conversationId)
                    .orElseThrow(() -> new IllegalStateException("conversation " + conversationId + " vanished"));
            if (current.open()) throw new ConversationException("not_closed", CustomerTexts.RATE_AFTER_CLOSING);
            store.saveRating(current.id(), stars, remark);
        });
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
