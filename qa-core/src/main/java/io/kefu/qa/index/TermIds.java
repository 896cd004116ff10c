package io.kefu.qa.index;

import io.kefu.qa.expand.AnalyzedText;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A number for every term (concept, noun, gram, pinyin, character unit) of the texts an index holds. The ranker
 * compares a question with a hundred or more phrasings per question; comparing numbers instead of hashing strings
 * is most of what makes that cheap. Fixed once built: a customer's new words get no number here (see
 * {@link #UNKNOWN}), so the table cannot grow with what customers type.
 */
final class TermIds {

    static final int UNKNOWN = -1;

    private final Map<String, Integer> ids;

    private TermIds(Map<String, Integer> ids) {
        this.ids = ids;
    }

    static TermIds of(Collection<AnalyzedText> texts) {
        var ids = new HashMap<String, Integer>();
        for (AnalyzedText text : texts) {
            for (Collection<String> terms : List.of(text.concepts(), text.nouns(), text.grams(),
                    text.pinyin(), text.units())) {
                for (String term : terms) ids.putIfAbsent(term, ids.size());
            }
        }
        return new TermIds(ids);
    }

    int find(String term) {
        return ids.getOrDefault(term, UNKNOWN);
    }
}
