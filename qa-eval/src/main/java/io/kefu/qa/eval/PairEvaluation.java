package io.kefu.qa.eval;

import io.kefu.qa.rank.RankingModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Same/different accuracy on labelled pairs, with the threshold picked on one split and reported on another. */
final class PairEvaluation {

    private PairEvaluation() {
    }

    /**
     * @param fixed the threshold to decide with, or null for the best one on {@code tune}: a model that trained on
     *              the tune split has to bring a threshold chosen on pairs it had not seen (train-semantic prints it)
     */
    static Map<String, Object> run(PairScorer scorer, RankingModel model, List<BenchmarkData.Pair> tune,
                                   List<BenchmarkData.Pair> test, Double fixed) {
        double[] tuneScores = tune.stream().mapToDouble(p -> scorer.similarity(model, p)).toArray();
        double threshold = fixed != null ? fixed : bestThreshold(tune, tuneScores);
        int correct = 0;
        int truePositive = 0;
        int predictedPositive = 0;
        int positive = 0;
        for (BenchmarkData.Pair pair : test) {
            boolean same = scorer.similarity(model, pair) >= threshold;
            if (same == pair.same()) correct++;
            if (same) predictedPositive++;
            if (pair.same()) positive++;
            if (same && pair.same()) truePositive++;
        }
        double precision = predictedPositive == 0 ? 0 : (double) truePositive / predictedPositive;
        double recall = positive == 0 ? 0 : (double) truePositive / positive;
        var out = new LinkedHashMap<String, Object>();
        out.put("tune_pairs", tune.size());
        out.put("tune_accuracy", FaqMetrics.round(accuracy(tune, tuneScores, threshold)));
        out.put("f1", FaqMetrics.round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        out.put("accuracy", FaqMetrics.round((double) correct / test.size()));
        out.put("threshold", FaqMetrics.round(threshold));
        out.put("pairs", test.size());
        return out;
    }

    private static double bestThreshold(List<BenchmarkData.Pair> pairs, double[] scores) {
        double best = 0.5;
        double bestAccuracy = -1;
        for (int step = 1; step < 200; step++) {
            double threshold = step / 200.0;
            double accuracy = accuracy(pairs, scores, threshold);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = threshold;
            }
        }
        return best;
    }

    private static double accuracy(List<BenchmarkData.Pair> pairs, double[] scores, double threshold) {
        int correct = 0;
        for (int i = 0; i < pairs.size(); i++) if ((scores[i] >= threshold) == pairs.get(i).same()) correct++;
        return (double) correct / pairs.size();
    }
}
