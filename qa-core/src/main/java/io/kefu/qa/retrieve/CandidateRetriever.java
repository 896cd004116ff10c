package io.kefu.qa.retrieve;

import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.FaqIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Stage 4: asks the index for the best-matching phrasings and groups them by standard question, so that an entry
 * with many similar phrasings counts once.
 */
public final class CandidateRetriever {

    private final int phrasingLimit;

    /** @param phrasingLimit how many phrasings to fetch from Lucene before grouping */
    public CandidateRetriever(int phrasingLimit) {
        if (phrasingLimit < 1) throw new IllegalArgumentException("phrasingLimit must be positive");
        this.phrasingLimit = phrasingLimit;
    }

    public List<Candidate> retrieve(FaqIndex index, AnalyzedText question) {
        var grouped = new LinkedHashMap<String, List<FaqIndex.Hit>>();
        for (FaqIndex.Hit hit : index.search(question, phrasingLimit)) {
            grouped.computeIfAbsent(hit.phrasing().entry().id(), id -> new ArrayList<>()).add(hit);
        }
        var candidates = new ArrayList<Candidate>(grouped.size());
        grouped.values().forEach(hits -> candidates.add(new Candidate(hits.get(0).phrasing().entry(), hits)));
        return candidates;
    }
}
