package io.kefu.qa.eval;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds an FAQ-retrieval task from labelled pairs, the same way the lcqmc-faq benchmark was built, so thresholds
 * can be chosen on training pairs instead of on the queries that are reported: positive pairs are joined into
 * groups, the most-linked member of a group is its standard question, other members are queries, a tenth of the
 * groups is held out of the KB to supply out-of-KB queries, and questions seen only in negative pairs are added
 * to the KB as distractors.
 */
final class FaqSimulation {

    record Task(KnowledgeBase knowledge, List<BenchmarkData.Query> queries) {
    }

    private static final int MAX_QUERIES_PER_GROUP = 20;
    private static final double OUT_OF_KB_SHARE = 0.10;

    private FaqSimulation() {
    }

    static Task fromPairs(List<BenchmarkData.Pair> pairs, long seed) {
        var spelling = new LinkedHashMap<String, String>();
        var parent = new HashMap<String, String>();
        var links = new HashMap<String, Integer>();
        var inPositive = new LinkedHashSet<String>();
        for (BenchmarkData.Pair pair : pairs) {
            String a = key(pair.q1());
            String b = key(pair.q2());
            if (a.isEmpty() || b.isEmpty() || a.equals(b)) continue;
            spelling.putIfAbsent(a, pair.q1());
            spelling.putIfAbsent(b, pair.q2());
            if (pair.same()) {
                union(parent, a, b);
                links.merge(a, 1, Integer::sum);
                links.merge(b, 1, Integer::sum);
                inPositive.add(a);
                inPositive.add(b);
            }
        }
        var groups = new LinkedHashMap<String, List<String>>();
        for (String member : inPositive) groups.computeIfAbsent(find(parent, member), r -> new ArrayList<>()).add(member);
        var ordered = new ArrayList<>(groups.values());
        Collections.shuffle(ordered, new Random(seed));

        var entries = new ArrayList<FaqEntry>();
        var queries = new ArrayList<BenchmarkData.Query>();
        int heldOut = (int) Math.round(ordered.size() * OUT_OF_KB_SHARE);
        for (int g = 0; g < ordered.size(); g++) {
            List<String> members = ordered.get(g);
            String standard = members.stream().max((x, y) -> Integer.compare(links.get(x), links.get(y))).orElseThrow();
            String id = "SIM-" + g;
            boolean outOfKb = g < heldOut;
            if (!outOfKb) entries.add(FaqEntry.of(id, spelling.get(standard), "ANSWER-" + id));
            members.stream().filter(m -> outOfKb || !m.equals(standard)).limit(MAX_QUERIES_PER_GROUP)
                    .forEach(m -> queries.add(new BenchmarkData.Query(spelling.get(m), outOfKb ? "" : id)));
        }
        int distractor = 0;
        for (String question : spelling.keySet()) {
            if (inPositive.contains(question)) continue;
            String id = "SIM-D" + distractor++;
            entries.add(FaqEntry.of(id, spelling.get(question), "ANSWER-" + id));
        }
        Collections.shuffle(queries, new Random(seed + 1));
        return new Task(new KnowledgeBase(entries), queries);
    }

    /** The benchmark's identity of a question: NFKC, lower case, no whitespace or punctuation. */
    static String key(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        var out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(cp -> Character.isLetterOrDigit(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) root = parent.get(root);
        parent.put(x, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }

    static Set<String> keys(List<BenchmarkData.Pair> pairs) {
        var keys = new java.util.HashSet<String>();
        for (BenchmarkData.Pair p : pairs) {
            keys.add(key(p.q1()));
            keys.add(key(p.q2()));
        }
        return keys;
    }
}
