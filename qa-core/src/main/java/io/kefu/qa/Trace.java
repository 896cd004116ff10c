package io.kefu.qa;

import io.kefu.qa.calibrate.AppliedThresholds;

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
 * @param thresholds the thresholds the decision applied (those of the message's length band) and how they were
 *                   chosen; {@code null} in a trace made outside a bot
 */
public record Trace(String normalized, List<String> tokens, Set<String> keywords, List<Candidate> candidates,
                    String decidedBy, long micros, AppliedThresholds thresholds) {

    /** {@link #decidedBy()} when the customer chose the answer by clicking a suggestion ({@link QaBot#choose}). */
    public static final String CHOSEN = "chosen";

    public Trace {
        tokens = List.copyOf(tokens);
        keywords = Collections.unmodifiableSet(new LinkedHashSet<>(keywords));
        candidates = List.copyOf(candidates);
    }

    /** The same trace, decided by another stage (a follow-up, a clicked suggestion); thresholds and all kept. */
    public Trace decidedBy(String stage) {
        return new Trace(normalized, tokens, keywords, candidates, stage, micros, thresholds);
    }

    /** A trace without thresholds, made outside a bot (e.g. by a test of the decision stage alone). */
    public Trace(String normalized, List<String> tokens, Set<String> keywords, List<Candidate> candidates,
                 String decidedBy, long micros) {
        this(normalized, tokens, keywords, candidates, decidedBy, micros, null);
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
