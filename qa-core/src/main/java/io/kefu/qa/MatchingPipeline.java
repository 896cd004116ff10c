package io.kefu.qa;

import io.kefu.qa.decide.IntentRoute;
import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.intent.Intent;
import io.kefu.qa.intent.IntentMatcher;
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
import java.util.Map;
import java.util.stream.Collectors;

/** The matching stages chained in order; each one is a function over immutable values. */
final class MatchingPipeline {

    private final TextNormalizer normalizer;
    private final IntentMatcher intents;
    private final Map<String, IntentRoute> routes;
    private final Map<String, String> intentReplies;
    private final Segmenter segmenter;
    private final QueryExpander expander;
    private final CandidateRetriever retriever;
    private final CandidateRanker ranker;
    private final ReplyDecider decider;

    MatchingPipeline(TextNormalizer normalizer, IntentMatcher intents, Segmenter segmenter, QueryExpander expander,
                     CandidateRetriever retriever, CandidateRanker ranker, ReplyDecider decider) {
        this.normalizer = normalizer;
        this.intents = intents;
        this.routes = intents.intents().intents().stream()
                .collect(Collectors.toUnmodifiableMap(Intent::name, IntentRoute::of));
        this.intentReplies = intents.intents().intents().stream()
                .collect(Collectors.toUnmodifiableMap(Intent::name, Intent::reply));
        this.segmenter = segmenter;
        this.expander = expander;
        this.retriever = retriever;
        this.ranker = ranker;
        this.decider = decider;
    }

    Reply ask(String question, FaqIndex index) {
        long start = System.nanoTime();
        NormalizedText normalized = normalizer.normalize(question);
        List<ReplyDecider.RoutedIntent> intentHits = intents.match(normalized.text()).stream()
                .map(hit -> new ReplyDecider.RoutedIntent(hit, routes.get(hit.intent()))).toList();
        List<Token> tokens = segmenter.segment(normalized);
        AnalyzedText analyzed = index.correctHomophones(expander.expand(normalized, tokens));
        List<Candidate> candidates = retriever.retrieve(index, analyzed);
        List<RankedCandidate> ranked = ranker.rank(analyzed, candidates, index);
        ReplyDecider.Decision decision = decider.decide(intentHits, ranked);
        long micros = (System.nanoTime() - start) / 1000;
        return ReplyComposer.compose(decision, ranked, replyOf(decision), new Trace(normalized.text(),
                tokens.stream().map(Token::word).toList(), analyzed.nouns(), traceOf(ranked), decision.rule(), micros));
    }

    private String replyOf(ReplyDecider.Decision decision) {
        if (decision.intent() == null) return "";
        return intentReplies.getOrDefault(decision.intent().intent(), "");
    }

    private static List<Trace.Candidate> traceOf(List<RankedCandidate> ranked) {
        return ranked.stream().limit(10).map(c -> new Trace.Candidate(c.entry().id(), c.entry().question(),
                c.matched(), c.retrieval(), c.score())).toList();
    }
}
