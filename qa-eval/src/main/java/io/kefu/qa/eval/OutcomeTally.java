package io.kefu.qa.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Right and total per expected kind of outcome, and over all. */
final class OutcomeTally {

    private final Map<String, int[]> byKind = new TreeMap<>();
    private int right;
    private int total;

    void add(DialogueOutcome expected, boolean correct) {
        int[] counts = byKind.computeIfAbsent(expected.kind().label(), k -> new int[2]);
        counts[1]++;
        total++;
        if (correct) {
            counts[0]++;
            right++;
        }
    }

    /**
     * The share right over all, how many there were, then {@code <kind>_accuracy} and {@code <kind>_count} per
     * expected kind.
     *
     * @param overall the name of the overall share, e.g. {@code accuracy} or {@code turns_right}
     * @param count   the name of the total, e.g. {@code cases} or {@code turns}
     */
    Map<String, Object> report(String overall, String count) {
        var out = new LinkedHashMap<String, Object>();
        out.put(overall, FaqMetrics.round(total == 0 ? 0 : (double) right / total));
        out.put(count, total);
        byKind.forEach((kind, counts) -> {
            out.put(kind + "_accuracy", FaqMetrics.round((double) counts[0] / counts[1]));
            out.put(kind + "_count", counts[1]);
        });
        return out;
    }
}
