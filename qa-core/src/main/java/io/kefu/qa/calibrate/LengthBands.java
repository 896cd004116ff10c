package io.kefu.qa.calibrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits calibration questions into bands of message length, each with enough in-scope and out-of-scope questions
 * to fit thresholds of its own: a band that has too few is merged into the band before it (the first into the one
 * after), so a small knowledge base ends up with a single band.
 */
final class LengthBands {

    /** A band needs this many in-scope questions... */
    static final int MIN_IN_SCOPE = 30;
    /** ...and this many out-of-scope ones: 20 is the fewest where declining 95% still lets one be answered. */
    static final int MIN_OUT_OF_SCOPE = 20;

    /** A range of lengths, inclusive, and its questions. */
    record Range(int min, int max, List<Observation> observations) {

        boolean enough() {
            long inScope = observations.stream().filter(Observation::inScope).count();
            return inScope >= MIN_IN_SCOPE && observations.size() - inScope >= MIN_OUT_OF_SCOPE;
        }

        Range merge(Range next) {
            var both = new ArrayList<>(observations);
            both.addAll(next.observations);
            return new Range(min, next.max, both);
        }
    }

    private LengthBands() {
    }

    /**
     * @param upperBounds the longest length of each band but the last, ascending (none: one band)
     */
    static List<Range> split(List<Observation> observations, List<Integer> upperBounds) {
        var ranges = new ArrayList<Range>();
        int min = 0;
        for (int bound : upperBounds) {
            ranges.add(range(observations, min, bound));
            min = bound + 1;
        }
        ranges.add(range(observations, min, Integer.MAX_VALUE));
        var merged = new ArrayList<Range>();
        for (Range range : ranges) {
            if (!merged.isEmpty() && !merged.get(merged.size() - 1).enough()) {
                merged.set(merged.size() - 1, merged.get(merged.size() - 1).merge(range));
            } else {
                merged.add(range);
            }
        }
        while (merged.size() > 1 && !merged.get(merged.size() - 1).enough()) {
            Range last = merged.remove(merged.size() - 1);
            merged.set(merged.size() - 1, merged.get(merged.size() - 1).merge(last));
        }
        return merged;
    }

    private static Range range(List<Observation> observations, int min, int max) {
        return new Range(min, max, observations.stream().filter(o -> o.length() >= min && o.length() <= max).toList());
    }
}
