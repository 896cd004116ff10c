package io.kefu.qa.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs every query of a benchmark through an engine and measures quality and latency. */
final class FaqEvaluation {

    private FaqEvaluation() {
    }

    /** @param warmupQueries queries run first and not measured, so p50/p99 describe a warm engine */
    static Map<String, Object> run(Engine engine, long indexBuildMillis, List<BenchmarkData.Query> queries,
                                   Map<String, Set<String>> judgedNegatives, int warmupQueries,
                                   java.util.function.BiConsumer<BenchmarkData.Query, Engine.Result> onResult) {
        for (int i = 0; i < Math.min(warmupQueries, queries.size()); i++) engine.ask(queries.get(i).text());
        var metrics = new FaqMetrics();
        for (BenchmarkData.Query query : queries) {
            long start = System.nanoTime();
            Engine.Result result = engine.ask(query.text());
            metrics.add(query, result, System.nanoTime() - start);
            onResult.accept(query, result);
        }
        for (BenchmarkData.Query query : queries) {
            Set<String> negatives = judgedNegatives.get(query.text());
            if (negatives == null || !query.inKb()) continue;
            double expected = engine.score(query.text(), query.expectedId());
            double bestNegative = negatives.stream().mapToDouble(id -> engine.score(query.text(), id)).max().orElse(0);
            metrics.addJudged(expected > bestNegative);
        }
        return metrics.report(engine.name(), indexBuildMillis);
    }
}
