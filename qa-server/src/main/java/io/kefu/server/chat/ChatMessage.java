package io.kefu.server.chat;

import io.kefu.qa.Suggestion;

import java.time.Instant;
import java.util.List;

/**
 * One stored message of a conversation.
 *
 * @param seq          its place in the conversation (1, 2, ...; no gaps)
 * @param sender       who said it
 * @param kind         {@code text} for people; for the bot {@code answer}, {@code clarify}, {@code none},
 *                     {@code handoff} or {@code form}; {@code closed} for the system's end-of-conversation notice
 * @param text         the text (the bot's in the small safe markup: paragraphs, lists, links)
 * @param clientId     the customer's client message id, for customer messages
 * @param replyTo      for a reply, the seq of the customer message it answers
 * @param suggestions  "您是不是想问" / related questions, shown as buttons
 * @param quickReplies texts offered as buttons; a click sends the text
 * @param at           when it was stored
 */
public record ChatMessage(long seq, Sender sender, String kind, String text, String clientId, Long replyTo,
                          List<Suggestion> suggestions, List<String> quickReplies, Instant at) {

    public ChatMessage {
        suggestions = List.copyOf(suggestions);
        quickReplies = List.copyOf(quickReplies);
    }
}
