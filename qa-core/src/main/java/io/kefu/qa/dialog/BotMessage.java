package io.kefu.qa.dialog;

import io.kefu.qa.Suggestion;

import java.util.List;

/**
 * One message the bot sends.
 *
 * @param kind         answer, clarify, none, prompt (a form asks for a detail), done (a form completed),
 *                     handoff or notice
 * @param text         the text, in the small safe markup of answers
 * @param entryId      the standard question answered, for an answer from the knowledge base
 * @param suggestions  "您是不是想问" buttons
 * @param quickReplies short replies offered as buttons (转人工, 取消...)
 */
public record BotMessage(String kind, String text, String entryId, List<Suggestion> suggestions,
                         List<String> quickReplies) {

    public BotMessage {
        suggestions = List.copyOf(suggestions);
        quickReplies = List.copyOf(quickReplies);
    }

    static BotMessage of(String kind, String text) {
        return new BotMessage(kind, text, null, List.of(), List.of());
    }
}
