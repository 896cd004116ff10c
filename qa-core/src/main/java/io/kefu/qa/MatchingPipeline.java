package io.kefu.qa;

import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.normalize.NormalizedText;
import io.kefu.qa.rank.CandidateRanker;
import io.kefu.qa.rank.RankedCandidate;
import io.kefu.qa.retrieve.Candidate;
import io.kefu.qa.retrieve.CandidateRetriever;

import java.util.List;

/** The matching stages chained in order; each one is a function over immutable values. */
final class MatchingPipeline {

    private final TextAnalyzer analyzer;
    private final IntentMatcher intents;
    private final CandidateRetriever retriever;
    private final CandidateRanker ranker;
    private final ReplyDecider decider;

    MatchingPipeline(TextAnalyzer analyzer, IntentMatcher intents, CandidateRetriever retriever,
                     CandidateRanker ranker, ReplyDecider decider) {
        this.analyzer = analyzer;
        this.intents = intents;
        this.retriever = retriever;
        this.ranker = ranker;
        this.decider = decider;
    }

    Reply ask(String question, Snapshot snapshot) {
        long start = System.nanoTime();
        NormalizedText normalized = analyzer.normalize(question);
        List<IntentMatch> intentHits = intents.match(normalized.text(), normalized.unstripped());
        AnalyzedText analyzed = snapshot.homophones().correct(analyzer.analyze(normalized));
        List<Candidate> candidates = retriever.retrieve(snapshot.index(), analyzed);
        List<RankedCandidate> ranked = ranker.rank(analyzed, candidates, snapshot.profiles());
        return decider.decide(intentHits, ranked, rule -> new Trace(normalized.text(), analyzed.words(),
                analyzed.nouns(), traceOf(ranked), rule, (System.nanoTime() - start) / 1000));
    }

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
