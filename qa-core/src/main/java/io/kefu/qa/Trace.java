package io.kefu.qa;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the pipeline saw and decided for one question.
 *
 * @param normalized the question after normalisation
 * @param tokens     the segmented words
 * @param keywords   the content words (nouns, numbers, domain terms) after synonyms and homophone correction: what
 *                   the question is about, e.g. for a dialogue to tell a follow-up from a new question
 * @param candidates the ranked candidates, best first
 * @param decidedBy  which rule of the decision stage produced the reply
 * @param micros     time spent in the pipeline, in microseconds
 */
public record Trace(String normalized, List<String> tokens, Set<String> keywords, List<Candidate> candidates,
                    String decidedBy, long micros) {

    /** {@link #decidedBy()} when the customer chose the answer by clicking a suggestion ({@link QaBot#choose}). */
    public static final String CHOSEN = "chosen";

    public Trace {
        tokens = List.copyOf(tokens);
        keywords = Collections.unmodifiableSet(new LinkedHashSet<>(keywords));
        candidates = List.copyOf(candidates);
    }

    /**
     * One ranked standard question.
     *
     * @param id        standard question id
     * @param question  standard question
     * @param matched   the phrasing (standard or similar) that matched best
     * @param retrieval the Lucene score of that phrasing
     * @param score     the ranker's calibrated score
     */
    public record Candidate(String id, String question, String matched, double retrieval, double score) {
    }
}
