package io.kefu.server.conversation;

import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.intent.PersonalNumbers;
import io.kefu.server.store.DurableTransactions;
import io.kefu.server.store.StoreWrites;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Adds numbered messages to conversations and reads them back. Every message gets the next sequence number of its
 * conversation from one atomic update of the conversation's row, which holds the row's lock until the message is
 * stored: numbers have no gaps, on one node or several sharing the database.
 */
@Component
public class MessageLog {

    /** The most messages one resume replays (a conversation longer than this is not a chat). */
    static final int REPLAY_LIMIT = 2000;

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final TransactionTemplate tx;
    /** A customer message's: acknowledged after the bot's reply, written together with it (ConversationService). */
    private final TransactionTemplate receiveTx;

    MessageLog(ConversationStore conversations, MessageStore messages, PlatformTransactionManager transactions) {
        this.conversations = conversations;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
        this.receiveTx = new TransactionTemplate(transactions);
        receiveTx.setName(DurableTransactions.WRITTEN_LATER);
    }

    /**
     * A customer message, stored.
     *
     * @param duplicate     the client id was seen before: nothing new was stored
     * @param needsReply    the bot has not answered it yet
     * @param handoff       who answers the conversation ({@code null}: a duplicate in a closed conversation)
     * @param agent         the agent's user name when an agent answers it
     * @param dialogueState the bot's memory of the conversation when the message was stored, read by the same
     *                      statement that numbered the message
     */
    record Received(StoredMessage message, boolean duplicate, boolean needsReply, HandoffState handoff, String agent,
                    DialogueState dialogueState) {
    }

    /**
     * Stores a customer message once per client id (a resend is acknowledged again, not stored again). Committed,
     * but not necessarily written to the embedded database's file yet: see {@link StoreWrites}.
     */
    Received receive(String conversationId, String clientId, String text) {
        try {
            Optional<Received> stored = receiveTx.execute(status -> {
                Optional<ConversationStore.Reserved> reserved = conversations.reserveForCustomer(conversationId);
                if (reserved.isEmpty()) return Optional.empty();
                var message = new StoredMessage(reserved.get().seq(), Sender.CUSTOMER, "text", text, clientId, null,
                        List.of(), List.of(), Instant.now(), null);
                messages.insert(conversationId, message);
                return Optional.of(new Received(message, false, reserved.get().handoff() != HandoffState.AGENT,
                        reserved.get().handoff(), reserved.get().agent(), reserved.get().dialogueState()));
            });
            return stored.orElseGet(() -> seen(conversationId, clientId).orElseThrow(() -> new ConversationException(
                    "conversation_closed", CustomerTexts.CLOSED_START_ANEW, clientId)));
        } catch (DuplicateKeyException e) {
            // the client id is taken (the insert rolled back with its number): a resend, acknowledged again
            return seen(conversationId, clientId).orElseThrow(() -> e);
        }
    }

    /**
     * A customer message stored earlier under this client id, as a duplicate (with no hand-off state when the
     * conversation is closed).
     */
    private Optional<Received> seen(String conversationId, String clientId) {
        return messages.byClientId(conversationId, Sender.CUSTOMER, clientId).map(seen -> {
            Optional<ConversationStore.Reserved> open = conversations.open(conversationId);
            boolean unanswered = open.isPresent() && open.get().handoff() != HandoffState.AGENT
                    && !messages.hasReplyTo(conversationId, seen.seq());
            return new Received(seen, true, unanswered, open.map(ConversationStore.Reserved::handoff).orElse(null),
                    open.map(ConversationStore.Reserved::agent).orElse(null),
                    open.map(ConversationStore.Reserved::dialogueState).orElse(DialogueState.start()));
        });
    }

    /**
     * Stores the bot's turn; {@code question} is the customer message it answers, or null when the bot began. The
     * conversation's row is locked first (by reserving the numbers), so two nodes answering the same resent question
     * are stored one after the other, and the second sees the first's reply and stores nothing.
     */
    List<StoredMessage> append(String id, StoredMessage question, BotTurn turn) {
        if (turn.messages().isEmpty()) return List.of();
        Long replyTo = question == null ? null : question.seq();
        return tx.execute(status -> {
            long last = conversations.reserve(id, turn.messages().size(), turn.state())
                    .orElseThrow(() -> vanished(id));
            if (question != null && messages.hasReplyTo(id, question.seq())) {
                status.setRollbackOnly();
                return List.of();
            }
            long seq = last - turn.messages().size();
            var stored = new ArrayList<StoredMessage>();
            for (BotMessage out : turn.messages()) {
                stored.add(new StoredMessage(++seq, Sender.BOT, out.kind().wireName(), out.text(), null, replyTo,
                        out.suggestions(), out.quickReplies(), Instant.now(), null));
            }
            MessageStore.DecisionLog decision = question == null || turn.decision() == null ? null
                    : new MessageStore.DecisionLog(PersonalNumbers.maskText(question.text()), turn.decision());
            messages.insert(id, stored, decision);
            return stored;
        });
    }

    /** Messages {@code from..to} of a conversation (e.g. ones another node added). */
    public List<StoredMessage> messages(String conversationId, long from, long to) {
        return messages.after(conversationId, from - 1, (int) Math.min(REPLAY_LIMIT, to - from + 1));
    }

    /** The messages after {@code seq}, for a resuming customer. */
    List<StoredMessage> after(String conversationId, long seq) {
        return messages.after(conversationId, seq, REPLAY_LIMIT);
    }

    /** The conversation for an agent: every message, with what the bot matched for customer messages. */
    public List<TranscriptLine> transcript(String conversationId) {
        return messages.transcript(conversationId, REPLAY_LIMIT);
    }

    /**
     * Ends an open conversation (the customer, or an agent with a category tag) with the closing notice, which the
     * customer's client answers with the rating prompt; empty when it was closed already.
     */
    public Optional<StoredMessage> close(String conversationId, String tag) {
        return tx.execute(status -> {
            OptionalLong seq = conversations.reserveAndClose(conversationId, tag);
            if (seq.isEmpty()) return Optional.empty();
            var notice = StoredMessage.plain(seq.getAsLong(), Sender.SYSTEM, "closed", CustomerTexts.CLOSED, null);
            messages.insert(conversationId, notice);
            return Optional.of(notice);
        });
    }

    /**
     * An agent's reply, stored.
     *
     * @param duplicate the console's id was seen before: nothing new was stored, and {@code message} is the reply
     *                  stored then
     */
    public record Reply(StoredMessage message, boolean duplicate) {
    }

    /**
     * Stores an agent's reply once per console message id, as {@link #receive} does a customer's message: sent
     * again, it is not stored again. Empty when the conversation is closed (and the reply was never stored).
     *
     * @param agent the agent's display name, as the customer sees it
     */
    public Optional<Reply> reply(String conversationId, String replyId, String text, String agent) {
        try {
            return tx.execute(status -> {
                Optional<StoredMessage> earlier = messages.byClientId(conversationId, Sender.AGENT, replyId);
                if (earlier.isPresent()) return Optional.of(new Reply(earlier.get(), true));
                OptionalLong seq = conversations.reserve(conversationId, 1);
                if (seq.isEmpty()) return Optional.empty();
                var message = new StoredMessage(seq.getAsLong(), Sender.AGENT, "text", text, replyId, null,
                        List.of(), List.of(), Instant.now(), agent);
                messages.insert(conversationId, message);
                return Optional.of(new Reply(message, false));
            });
        } catch (DuplicateKeyException e) {
            // the same reply, sent again through another socket, was stored first: this insert rolled back
            return Optional.of(messages.byClientId(conversationId, Sender.AGENT, replyId)
                    .map(earlier -> new Reply(earlier, true)).orElseThrow(() -> e));
        }
    }

    /**
     * Adds a message from an agent or the system to an open conversation; empty when it is closed.
     *
     * @param agent the agent's display name, for an agent's message
     */
    public Optional<StoredMessage> say(String conversationId, Sender sender, String kind, String text, String agent) {
        return say(conversationId, sender, kind, text, agent, List.of());
    }

    /** {@link #say}, with buttons whose text the customer can send by a click (e.g. a rating). */
    public Optional<StoredMessage> say(String conversationId, Sender sender, String kind, String text, String agent,
                                       List<String> quickReplies) {
        return tx.execute(status -> {
            OptionalLong seq = conversations.reserve(conversationId, 1);
            if (seq.isEmpty()) return Optional.empty();
            var message = new StoredMessage(seq.getAsLong(), sender, kind, text, null, null, List.of(), quickReplies,
                    Instant.now(), agent);
            messages.insert(conversationId, message);
            return Optional.of(message);
        });
    }

    /**
     * Adds a system message with quick buttons (each sends its text when clicked) to an open conversation, e.g. a
     * message the operator sent the customer; empty when it is closed.
     */
    public Optional<StoredMessage> notify(String conversationId, String kind, String text, List<String> buttons) {
        return tx.execute(status -> {
            OptionalLong seq = conversations.reserve(conversationId, 1);
            if (seq.isEmpty()) return Optional.empty();
            var message = new StoredMessage(seq.getAsLong(), Sender.SYSTEM, kind, text, null, null, List.of(),
                    buttons, Instant.now(), null);
            messages.insert(conversationId, message);
            return Optional.of(message);
        });
    }

    private static IllegalStateException vanished(String id) {
        return new IllegalStateException("conversation " + id + " vanished");
    }
}
