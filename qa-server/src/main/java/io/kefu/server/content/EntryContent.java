package io.kefu.server.content;

import io.kefu.qa.FaqEntry;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the knowledge base as the content team edits it: the bot's {@link FaqEntry} plus tags and validity.
 *
 * @param validFrom  生效时间: the bot answers with the entry from this instant on (null: always)
 * @param validUntil 失效时间: the bot stops answering with it at this instant (null: never)
 */
public record EntryContent(String id, String question, List<String> similar, String answer, String category,
                           List<String> tags, Instant validFrom, Instant validUntil) {

    public EntryContent {
        similar = similar == null ? List.of() : List.copyOf(similar);
        tags = tags == null ? List.of() : List.copyOf(tags);
        category = category == null ? "" : category;
        answer = answer == null ? "" : answer;
    }

    static EntryContent of(FaqEntry entry) {
        return new EntryContent(entry.id(), entry.question(), entry.similar(), entry.answer(), entry.category(),
                List.of(), null, null);
    }

    FaqEntry faq() {
        return new FaqEntry(id, question, similar, answer, category);
    }

    /** Whether the bot answers with the entry at this instant. */
    boolean validAt(Instant now) {
        return (validFrom == null || !now.isBefore(validFrom)) && (validUntil == null || now.isBefore(validUntil));
    }

    EntryContent withId(String newId) {
        return new EntryContent(newId, question, similar, answer, category, tags, validFrom, validUntil);
    }
}
