package io.kefu.qa;

import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.QueryExpander;
import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.normalize.NormalizedText;
import io.kefu.qa.normalize.TextNormalizer;
import io.kefu.qa.rank.CandidateRanker;
import io.kefu.qa.rank.RankedCandidate;
import io.kefu.qa.retrieve.Candidate;
import io.kefu.qa.retrieve.CandidateRetriever;
import io.kefu.qa.segment.Segmenter;
import io.kefu.qa.segment.Token;

import java.util.List;

/** The matching stages chained in order; each one is a function over immutable values. */
final class MatchingPipeline {

    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final QueryExpander expander;
    private final CandidateRetriever retriever;
    private final CandidateRanker ranker;
    private final ReplyDecider decider;

    MatchingPipeline(TextNormalizer normalizer, Segmenter segmenter, QueryExpander expander,
                     CandidateRetriever retriever, CandidateRanker ranker, ReplyDecider decider) {
        this.normalizer = normalizer;
        this.segmenter = segmenter;
        this.expander = expander;
        this.retriever = retriever;
        this.ranker = ranker;
        this.decider = decider;
    }

    Reply ask(String question, FaqIndex index) {
        long start = System.nanoTime();
        NormalizedText normalized = normalizer.normalize(question);
        List<Token> tokens = segmenter.segment(normalized);
        AnalyzedText analyzed = index.correctHomophones(expander.expand(normalized, tokens));
        List<Candidate> candidates = retriever.retrieve(index, analyzed);
        List<RankedCandidate> ranked = ranker.rank(analyzed, candidates, index.statistics());
        ReplyDecider.Decision decision = decider.decide(ranked);
        long micros = (System.nanoTime() - start) / 1000;
        return ReplyComposer.compose(decision, ranked, new Trace(normalized.text(),
                tokens.stream().map(Token::word).toList(), traceOf(ranked), decision.rule(), micros));
    }

    private static List<Trace.Candidate> traceOf(List<RankedCandidate> ranked) {
        return ranked.stream().limit(10).map(c -> new Trace.Candidate(c.entry().id(), c.entry().question(),
                c.matched(), c.retrieval(), c.score())).toList();
    }
}
