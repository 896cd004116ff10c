package io.kefu.qa.retrieve;

import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.FaqIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Stage 4: builds the BM25 query for a question ({@link CandidateQuery}), asks the index for the best-matching
 * phrasings and groups them by standard question, so that an entry with many similar phrasings counts once.
 */
public final class CandidateRetriever {

    /** How many phrasings the vector search adds, before grouping. */
    static final int NEAREST = 8;

    private final int phrasingLimit;

    /** @param phrasingLimit how many phrasings to fetch from Lucene before grouping */
    public CandidateRetriever(int phrasingLimit) {
        if (phrasingLimit < 1) throw new IllegalArgumentException("phrasingLimit must be positive");
        this.phrasingLimit = phrasingLimit;
    }

    /** The standard questions of the best-matching phrasings, best first, each with its phrasings that matched. */
    public List<Candidate> retrieve(FaqIndex index, AnalyzedText question) {
        return retrieve(index, question, null);
    }

    /**
     * As {@link #retrieve(FaqIndex, AnalyzedText)}, followed by the standard questions of the phrasings whose learned
     * vectors are nearest {@code vector} (null: none) that BM25 did not find: a question that shares few words with
     * any phrasing of its entry can still reach the ranker. Those hits carry a BM25 score of 0.
     */
    public List<Candidate> retrieve(FaqIndex index, AnalyzedText question, float[] vector) {
        var grouped = new LinkedHashMap<String, List<FaqIndex.Hit>>();
        for (FaqIndex.Hit hit : phrasings(index, question)) {
            grouped.computeIfAbsent(hit.phrasing().entry().id(), id -> new ArrayList<>()).add(hit);
        }
        if (vector != null) {
            for (FaqIndex.Hit hit : index.nearest(vector, NEAREST)) {
                grouped.computeIfAbsent(hit.phrasing().entry().id(), id -> new ArrayList<>())
                        .add(new FaqIndex.Hit(hit.phrasing(), 0f));
            }
        }
        var candidates = new ArrayList<Candidate>(grouped.size());
        grouped.values().forEach(hits -> candidates.add(new Candidate(hits.get(0).phrasing().entry(), hits)));
        return candidates;
    }

    /** The best-matching phrasings, best BM25 score first, ungrouped. */
    public List<FaqIndex.Hit> phrasings(FaqIndex index, AnalyzedText question) {
        return index.search(CandidateQuery.of(question, index), phrasingLimit);
    }
}
