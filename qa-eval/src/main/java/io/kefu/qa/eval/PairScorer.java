package io.kefu.qa.eval;

import io.kefu.qa.Lexicon;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.TermStatistics;
import io.kefu.qa.rank.PairFeatures;
import io.kefu.qa.rank.RankingModel;
import io.kefu.qa.rank.TextProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes isolated question pairs with the ranker's features. Term statistics come from the texts it is given
 * as its corpus (each text one document), standing in for the knowledge base a pair has no part of.
 */
final class PairScorer {

    private final TextAnalyzer analyzer;
    private final Map<String, AnalyzedText> cache = new HashMap<>();
    private final Map<String, TextProfile> profiles = new HashMap<>();
    private final TermStatistics statistics;

    PairScorer(Lexicon lexicon, List<BenchmarkData.Pair> corpus) {
        this.analyzer = new TextAnalyzer(lexicon);
        var documents = new java.util.ArrayList<List<AnalyzedText>>();
        var seen = new java.util.HashSet<String>();
        for (BenchmarkData.Pair pair : corpus) {
            for (String text : List.of(pair.q1(), pair.q2())) {
                if (seen.add(text)) documents.add(List.of(analyze(text)));
            }
        }
        this.statistics = TermStatistics.of(documents);
    }

    /** Features of a pair in both directions: a → b first, then b → a. */
    double[][] features(BenchmarkData.Pair pair) {
        TextProfile a = profile(pair.q1());
        TextProfile b = profile(pair.q2());
        double maxIdf = statistics.maxIdf();
        return new double[][]{PairFeatures.extract(a, b, maxIdf), PairFeatures.extract(b, a, maxIdf)};
    }

    /** The ranker's similarity, averaged over both directions so the pair's order does not matter. */
    double similarity(RankingModel model, BenchmarkData.Pair pair) {
        double[][] both = features(pair);
        return (model.probability(both[0]) + model.probability(both[1])) / 2;
    }

    private TextProfile profile(String text) {
        return profiles.computeIfAbsent(text, t -> TextProfile.of(analyze(t), statistics));
    }

    private AnalyzedText analyze(String text) {
        return cache.computeIfAbsent(text, analyzer::analyze);
    }
}
