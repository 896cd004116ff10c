package io.kefu.qa.eval;

import io.kefu.qa.Lexicon;
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

    PairScorer(Lexicon lexicon, List<BenchmarkData.Pair> corpus) {
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
        return (model.probability(both[0]) + model.probability(both[1])) / 2;
    }
}
