package io.kefu.qa;

import io.kefu.qa.calibrate.AppliedThresholds;
import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.MessageLength;
import io.kefu.qa.calibrate.RankingProbe;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.normalize.NormalizedText;
import io.kefu.qa.rank.CandidateRanker;
import io.kefu.qa.rank.RankedCandidate;
import io.kefu.qa.retrieve.CandidateRetriever;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The matching stages chained in order; each one is a function over immutable values. The decision applies the
 * thresholds the snapshot's calibration has for the message's length.
 */
final class MatchingPipeline {

    private final TextAnalyzer analyzer;
    private final IntentMatcher intents;
    private final CandidateRetriever retriever;
    private final CandidateRanker ranker;
    /** Entries not to answer with for now (outside their validity dates): dropped from every ranking. */
    private volatile Set<String> withheld = Set.of();

    MatchingPipeline(TextAnalyzer analyzer, IntentMatcher intents, CandidateRetriever retriever,
                     CandidateRanker ranker) {
        this.analyzer = analyzer;
        this.intents = intents;
        this.retriever = retriever;
        this.ranker = ranker;
    }

    Reply ask(String question, Snapshot snapshot) {
        long start = System.nanoTime();
        NormalizedText normalized = analyzer.normalize(question);
        List<IntentMatch> intentHits = intents.match(normalized.text(), normalized.unstripped());
        AnalyzedText analyzed = snapshot.homophones().correct(analyzer.analyze(normalized));
        List<RankedCandidate> ranked = rank(analyzed, snapshot);
        Calibration.Band band = snapshot.calibration().bandFor(MessageLength.of(normalized.text()));
        var applied = new AppliedThresholds(band, snapshot.calibration());
        return snapshot.decider(band).decide(intentHits, ranked, rule -> new Trace(normalized.text(), analyzed.words(),
                analyzed.nouns(), traceOf(ranked), rule, (System.nanoTime() - start) / 1000, applied));
    }

    /** The top of the ranking alone (no intents, no decision), as a calibration observes it. */
    RankingProbe.Top top(String question, Snapshot snapshot) {
        NormalizedText normalized = analyzer.normalize(question);
        List<RankedCandidate> ranked = rank(snapshot.homophones().correct(analyzer.analyze(normalized)), snapshot);
        return new RankingProbe.Top(MessageLength.of(normalized.text()),
                ranked.isEmpty() ? "" : ranked.get(0).entry().id(), ranked.isEmpty() ? 0 : ranked.get(0).score(),
                ranked.size() > 1 ? ranked.get(1).score() : 0);
    }

    /**
     * BM25's candidates ranked; with a learned representation, when none of them is a confident match, the
     * candidates of the vector search join them and all are ranked again: a question that shares few words with its
     * entry's phrasings can still find it, and a question BM25 serves well pays nothing for the search.
     */
    private List<RankedCandidate> rank(AnalyzedText analyzed, Snapshot snapshot) {
        float[] vector = snapshot.index().encode(analyzed);
        List<RankedCandidate> ranked = ranker.rank(analyzed, vector, retriever.retrieve(snapshot.index(), analyzed),
                snapshot.profiles());
        if (vector != null && (ranked.isEmpty() || ranked.get(0).score() < VECTOR_SEARCH_BELOW)) {
            ranked = ranker.rank(analyzed, vector, retriever.retrieve(snapshot.index(), analyzed, vector),
                    snapshot.profiles());
        }
        Set<String> skipped = withheld;
        return skipped.isEmpty() ? ranked : ranked.stream().filter(c -> !skipped.contains(c.entry().id())).toList();
    }

    void withhold(Set<String> entryIds) {
        this.withheld = Set.copyOf(Objects.requireNonNull(entryIds, "entryIds"));
    }

    boolean withheld(String entryId) {
        return withheld.contains(entryId);
    }

    /** The best BM25 candidate's score under which the vector search is asked too. */
    static final double VECTOR_SEARCH_BELOW = 0.5;

    /** The ranker's calibrated score of one standard question, whether or not retrieval would have found it. */
    double similarity(String question, String entryId, Snapshot snapshot) {
        AnalyzedText analyzed = snapshot.homophones().correct(analyzer.analyze(question));
        return ranker.entrySimilarity(analyzed, entryId, snapshot.profiles());
    }

    private static List<Trace.Candidate> traceOf(List<RankedCandidate> ranked) {
        return ranked.stream().limit(10).map(c -> new Trace.Candidate(c.entry().id(), c.entry().question(),
                c.matched(), c.retrieval(), c.score())).toList();
    }
}
