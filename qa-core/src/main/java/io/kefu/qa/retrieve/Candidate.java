package io.kefu.qa.retrieve;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.index.FaqIndex;

import java.util.List;

/**
 * One standard question retrieved for a question, with every phrasing of it that the index returned.
 *
 * @param entry the standard question
 * @param hits  its retrieved phrasings, best BM25 score first
 */
public record Candidate(FaqEntry entry, List<FaqIndex.Hit> hits) {

    public Candidate {
        hits = List.copyOf(hits);
    }
}
