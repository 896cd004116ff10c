package io.kefu.qa.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Accumulates FAQ-retrieval results and reports the evaluator's metrics. */
final class FaqMetrics {

    private int inKb;
    private int hitsAt1;
    private int hitsAt5;
    private double reciprocalRanks;
    private int judged;
    private int judgedCorrect;
    private int outOfKb;
    private int outOfKbRejected;
    private int inKbRejected;
    private int correct;
    private int answeredRight;
    private int rightFirst;
    private int queries;
    private long[] latenciesNanos = new long[1024];

    void add(BenchmarkData.Query query, Engine.Result result, long nanos) {
        if (queries == latenciesNanos.length) latenciesNanos = Arrays.copyOf(latenciesNanos, queries * 2);
        latenciesNanos[queries++] = nanos;
        boolean answered = result.answeredId() != null;
        if (query.inKb()) {
            inKb++;
            int rank = result.rankedIds().indexOf(query.expectedId()) + 1;
            if (rank == 1) hitsAt1++;
            if (rank >= 1 && rank <= 5) hitsAt5++;
            if (rank >= 1) reciprocalRanks += 1.0 / rank;
            if (!answered) inKbRejected++;
            if (answered && result.answeredId().equals(query.expectedId())) {
                correct++;
                answeredRight++;
                rightFirst++;
            } else if (query.expectedId().equals(result.clarifiedId())) {
                rightFirst++;
            }
        } else {
            outOfKb++;
            if (!answered) {
                outOfKbRejected++;
                correct++;
            }
        }
    }

    void addJudged(boolean expectedWins) {
        judged++;
        if (expectedWins) judgedCorrect++;
    }

    Map<String, Object> report(String engine, long indexBuildMillis) {
        double precision = ratio(outOfKbRejected, outOfKbRejected + inKbRejected);
        double recall = ratio(outOfKbRejected, outOfKb);
        long[] sorted = Arrays.copyOf(latenciesNanos, queries);
        Arrays.sort(sorted);
        var out = new LinkedHashMap<String, Object>();
        out.put("engine", engine);
        out.put("queries", queries);
        out.put("in_kb_queries", inKb);
        out.put("recall_at_1", round(ratio(hitsAt1, inKb)));
        out.put("recall_at_5", round(ratio(hitsAt5, inKb)));
        out.put("mrr", round(inKb == 0 ? 0 : reciprocalRanks / inKb));
        out.put("judged_queries", judged);
        out.put("judged_accuracy_at_1", round(ratio(judgedCorrect, judged)));
        out.put("ook_queries", outOfKb);
        out.put("ook_precision", round(precision));
        out.put("ook_recall", round(recall));
        out.put("ook_f1", round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        out.put("overall_accuracy", round(ratio(correct, queries)));
        // in scope only: answered with the right entry; or that, or a clarification that offers it first
        out.put("answer_accuracy", round(ratio(answeredRight, inKb)));
        out.put("right_entry_first", round(ratio(rightFirst, inKb)));
        out.put("p50_ms", round(percentile(sorted, 0.50) / 1e6));
        out.put("p99_ms", round(percentile(sorted, 0.99) / 1e6));
        out.put("index_build_ms", indexBuildMillis);
        return out;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
