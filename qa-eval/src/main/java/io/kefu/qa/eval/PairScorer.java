package io.kefu.qa.eval;

import io.kefu.qa.Lexicon;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.internal.QuestionFeatures;
import io.kefu.qa.internal.TextPairs;
import io.kefu.qa.rank.RankingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes isolated question pairs with the ranker's features. Term statistics come from the texts it is given
 * as its corpus (each text one document), standing in for the knowledge base a pair has no part of.
 */
final class PairScorer {

    private final TextPairs pairs;
    private final SemanticModel semantic;
    private final QuestionFeatures encoderInput;

    PairScorer(Lexicon lexicon, List<BenchmarkData.Pair> corpus) {
        this(lexicon, corpus, null);
    }

    /** @param semantic blended with the lexical model when not null, as the ranker does */
    PairScorer(Lexicon lexicon, List<BenchmarkData.Pair> corpus, SemanticModel semantic) {
        this.semantic = semantic;
        this.encoderInput = semantic == null ? null : QuestionFeatures.of(lexicon, semantic.buckets(), semantic.kinds());
        var texts = new ArrayList<String>(corpus.size() * 2);
        for (BenchmarkData.Pair pair : corpus) {
            texts.add(pair.q1());
            texts.add(pair.q2());
        }
        this.pairs = TextPairs.over(lexicon, texts);
    }

    /** Features of a pair in both directions: a → b first, then b → a. */
    double[][] features(BenchmarkData.Pair pair) {
        return new double[][]{pairs.features(pair.q1(), pair.q2()), pairs.features(pair.q2(), pair.q1())};
    }

    /** The ranker's similarity, averaged over both directions so the pair's order does not matter. */
    double similarity(RankingModel model, BenchmarkData.Pair pair) {
        double[][] both = features(pair);
        if (semantic == null) return (model.probability(both[0]) + model.probability(both[1])) / 2;
        double cosine = SemanticModel.cosine(semantic.encode(encoderInput.of(pair.q1())),
                semantic.encode(encoderInput.of(pair.q2())));
        return (semantic.probability(model.logit(both[0]), cosine) + semantic.probability(model.logit(both[1]), cosine)) / 2;
    }
}
