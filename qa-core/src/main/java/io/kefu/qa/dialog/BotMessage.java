package io.kefu.qa.dialog;

import io.kefu.qa.Suggestion;

import java.util.List;
import java.util.Locale;

/**
 * One message the bot sends.
 *
 * @param kind         what the message is
 * @param text         the text, in the small safe markup of answers
 * @param entryId      the standard question answered, for an answer from the knowledge base
 * @param suggestions  "您是不是想问" buttons
 * @param quickReplies short replies offered as buttons (转人工, 取消...)
 */
public record BotMessage(Kind kind, String text, String entryId, List<Suggestion> suggestions,
                         List<String> quickReplies) {

    /** What a message is. */
    public enum Kind {
        /** An answer: a standard question's, or an intent's fixed reply. */
        ANSWER,
        /** "您是不是想问" with suggestions. */
        CLARIFY,
        /** Nothing found. */
        NONE,
        /** A form asks for a detail. */
        PROMPT,
        /** A form completed. */
        DONE,
        /** A person is asked to take over. */
        HANDOFF,
        /** Something the customer should know (a form was cancelled or timed out). */
        NOTICE,
        /**
         * The customer's message reached the queue for a person. Never made by the dialogue: the server says it to a
         * waiting customer instead of a reply the bot is unsure of; it is here so that one type names every kind of
         * message the bot's side sends.
         */
        QUEUED;

        /** The lower-case name used on the wire ({@code answer}, {@code prompt}...). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BotMessage {
        suggestions = List.copyOf(suggestions);
        quickReplies = List.copyOf(quickReplies);
    }

    static BotMessage of(Kind kind, String text) {
        return new BotMessage(kind, text, null, List.of(), List.of());
    }
}
