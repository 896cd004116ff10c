package io.kefu.qa.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deals training pairs into two folds so that no text is in both: texts linked by any pair (same meaning or not)
 * form a component, and a component goes whole into one fold. A component that mentions one of the {@code reserved}
 * texts goes into fold 1, so the encoder trained on fold 0 has never seen them (the trainer chooses thresholds on
 * them); the others go by a hash of the component. Out-of-fold scores are then honest.
 */
final class PairFolds {

    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Integer> foldOfRoot = new HashMap<>();

    PairFolds(List<BenchmarkData.Pair> pairs, Set<String> reserved) {
        for (BenchmarkData.Pair pair : pairs) union(FaqSimulation.key(pair.q1()), FaqSimulation.key(pair.q2()));
        for (String text : reserved) {
            if (parent.containsKey(text)) foldOfRoot.put(find(text), 1);
        }
    }

    /** The fold of a text's component (a text no pair mentions: by its own hash). */
    int fold(String text) {
        String root = find(FaqSimulation.key(text));
        return foldOfRoot.computeIfAbsent(root, r -> Math.floorMod(r.hashCode() * 0x9E3779B1, 2));
    }

    int fold(BenchmarkData.Pair pair) {
        return fold(pair.q1());
    }

    private String find(String x) {
        String root = x;
        while (true) {
            String up = parent.get(root);
            if (up == null || up.equals(root)) break;
            root = up;
        }
        // path compression keeps later look-ups short
        String node = x;
        while (!node.equals(root)) {
            String up = parent.get(node);
            parent.put(node, root);
            node = up;
        }
        return root;
    }

    private void union(String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }
}
