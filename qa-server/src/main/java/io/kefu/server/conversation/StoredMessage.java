package io.kefu.server.conversation;

import io.kefu.qa.Suggestion;

import java.time.Instant;
import java.util.List;

/**
 * One stored message of a conversation, whatever the channel: what is numbered, stored, replayed and shown to agents.
 *
 * @param seq          its place in the conversation (1, 2, ...; no gaps)
 * @param sender       who said it
 * @param kind         {@code text} for people; for the bot {@code answer}, {@code clarify}, {@code none},
 *                     {@code handoff} or {@code form}; for the system {@code closed} and the hand-off notices
 *                     (docs/agents.md)
 * @param text         the text (the bot's in the small safe markup: paragraphs, lists, links)
 * @param clientId     the customer's client message id, for customer messages
 * @param replyTo      for a reply, the seq of the customer message it answers
 * @param suggestions  "您是不是想问" / related questions, shown as buttons
 * @param quickReplies texts offered as buttons; a click sends the text
 * @param at           when it was stored
 * @param agent        for an agent's message, the agent's display name as the customer saw it
 */
public record StoredMessage(long seq, Sender sender, String kind, String text, String clientId, Long replyTo,
                          List<Suggestion> suggestions, List<String> quickReplies, Instant at, String agent) {

    public StoredMessage {
        suggestions = List.copyOf(suggestions);
        quickReplies = List.copyOf(quickReplies);
    }

    /** A message with no buttons, client id or reply-to: a system notice or an agent's reply. */
    static StoredMessage plain(long seq, Sender sender, String kind, String text, String agent) {
        return new StoredMessage(seq, sender, kind, text, null, null, List.of(), List.of(), Instant.now(), agent);
    }
}
