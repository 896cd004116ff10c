package io.kefu.qa.eval;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The benchmark formats of {@code shared/benchmarks}: a KB, queries with expected ids, judged negatives, pairs. */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /** One query; {@code expectedId} is empty when the right reply is "no answer". */
    public record Query(String text, String expectedId) {
        public boolean inKb() {
            return !expectedId.isEmpty();
        }
    }

    /** A labelled pair of questions. */
    public record Pair(String q1, String q2, boolean same, String split) {
    }

    public static KnowledgeBase knowledgeBase(Path file) {
        var entries = new ArrayList<FaqEntry>();
        for (Map<String, String> row : Tsv.read(file)) {
            entries.add(FaqEntry.of(Tsv.require(row, "id", file), Tsv.require(row, "question", file),
                    row.getOrDefault("answer", "")));
        }
        return new KnowledgeBase(entries);
    }

    public static List<Query> queries(Path file) {
        return Tsv.read(file).stream()
                .map(row -> new Query(Tsv.require(row, "query", file), row.getOrDefault("expected_id", "")))
                .toList();
    }

    /** Query text → the KB ids the labels prove to be a different intent. */
    public static Map<String, Set<String>> judgedNegatives(Path file) {
        var judged = new HashMap<String, Set<String>>();
        for (Map<String, String> row : Tsv.read(file)) {
            judged.computeIfAbsent(Tsv.require(row, "query", file), q -> new HashSet<>())
                    .add(Tsv.require(row, "kb_id", file));
        }
        return judged;
    }

    public static List<Pair> pairs(Path file) {
        return Tsv.read(file).stream()
                .map(row -> new Pair(Tsv.require(row, "q1", file), Tsv.require(row, "q2", file),
                        "1".equals(Tsv.require(row, "label", file)), row.getOrDefault("split", "")))
                .toList();
    }
}
