package io.kefu.server.chat;

import io.kefu.qa.Suggestion;

import java.util.List;
import java.util.Objects;

/**
 * A message the bot wants to send, before it is stored and numbered.
 *
 * @param kind         {@code answer}, {@code clarify}, {@code none}, {@code handoff}, {@code form} or {@code text}
 * @param text         in the small safe markup (paragraphs, {@code - }/{@code 1. } lists, {@code [text](https://...)})
 * @param suggestions  standard questions offered as buttons
 * @param quickReplies texts offered as buttons
 */
public record OutgoingMessage(String kind, String text, List<Suggestion> suggestions, List<String> quickReplies) {

    public OutgoingMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        suggestions = List.copyOf(suggestions);
        quickReplies = List.copyOf(quickReplies);
    }
}
