package io.kefu.qa;

import java.util.List;
import java.util.Objects;

/**
 * One standard question of the knowledge base with the other ways customers phrase it.
 *
 * @param id       stable identifier, unique within a knowledge base
 * @param question the standard question
 * @param similar  other phrasings of the same intent (may be empty)
 * @param answer   the reply text, in the small safe markup the chat widget renders
 * @param category the content team's category (may be empty)
 */
public record FaqEntry(String id, String question, List<String> similar, String answer, String category) {

    public FaqEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        if (id.isBlank()) throw new IllegalArgumentException("FAQ id must not be blank");
        if (question.isBlank()) throw new IllegalArgumentException("FAQ " + id + " has a blank question");
        similar = similar == null ? List.of() : List.copyOf(similar);
        answer = answer == null ? "" : answer;
        category = category == null ? "" : category;
    }

    public static FaqEntry of(String id, String question, String answer) {
        return new FaqEntry(id, question, List.of(), answer, "");
    }

    /** The standard question followed by every similar phrasing. */
    public List<String> phrasings() {
        var all = new java.util.ArrayList<String>(similar.size() + 1);
        all.add(question);
        all.addAll(similar);
        return all;
    }
}
