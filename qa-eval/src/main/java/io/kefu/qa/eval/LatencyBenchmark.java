package io.kefu.qa.eval;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Single-thread latency of a warm engine and its index build time, measured the same way for every engine in one
 * run so their ratio means something: the first build (which also loads dictionaries) is reported apart from the
 * median of the rebuilds; every query is asked {@code warmupRounds} times before {@code rounds} timed passes, and
 * once more to count the bytes it allocates.
 */
final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    static Map<String, Object> run(Supplier<Engine> factory, List<String> queries, int builds, int warmupRounds,
                                   int rounds) {
        long[] buildMillis = new long[builds];
        Engine engine = null;
        for (int b = 0; b < builds; b++) {
            if (engine != null) engine.close();
            long start = System.nanoTime();
            engine = factory.get();
            buildMillis[b] = (System.nanoTime() - start) / 1_000_000;
        }
        try (Engine warm = engine) {
            for (int r = 0; r < warmupRounds; r++) queries.forEach(warm::ask);
            long[] nanos = new long[queries.size() * rounds];
            int n = 0;
            for (int r = 0; r < rounds; r++) {
                for (String query : queries) {
                    long start = System.nanoTime();
                    warm.ask(query);
                    nanos[n++] = System.nanoTime() - start;
                }
            }
            long allocatedPerQuestion = allocatedPerQuestion(warm, queries);
            Arrays.sort(nanos);
            var out = new LinkedHashMap<String, Object>();
            out.put("engine", warm.name());
            out.put("timed_questions", nanos.length);
            out.put("p50_ms", FaqMetrics.round(nanos[nanos.length / 2] / 1e6));
            out.put("p90_ms", FaqMetrics.round(nanos[(int) (nanos.length * 0.90)] / 1e6));
            out.put("p99_ms", FaqMetrics.round(nanos[(int) (nanos.length * 0.99)] / 1e6));
            out.put("mean_ms", FaqMetrics.round(Arrays.stream(nanos).average().orElse(0) / 1e6));
            out.put("allocated_kb_per_question", FaqMetrics.round(allocatedPerQuestion / 1024.0));
            out.put("first_build_ms", buildMillis[0]);
            long[] rebuilds = Arrays.copyOfRange(buildMillis, 1, builds);
            Arrays.sort(rebuilds);
            out.put("rebuild_ms_median", rebuilds.length == 0 ? buildMillis[0] : rebuilds[rebuilds.length / 2]);
            return out;
        }
    }

    /**
     * Heap allocated per question by this thread, over one more pass: on a busy server, allocation is what sets how
     * often the collector pauses everyone, so it is reported beside latency.
     */
    private static long allocatedPerQuestion(Engine engine, List<String> queries) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        queries.forEach(engine::ask);
        return (threads.getCurrentThreadAllocatedBytes() - before) / Math.max(1, queries.size());
    }
}
