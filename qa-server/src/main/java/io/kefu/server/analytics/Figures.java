package io.kefu.server.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Averages, the 90th percentile and shares as the reports show them: rounded, and null when nothing was counted. */
final class Figures {

    private Figures() {
    }

    static Double average(List<Double> values) {
        if (values.isEmpty()) return null;
        return round(values.stream().mapToDouble(Double::doubleValue).sum() / values.size(), 1);
    }

    /** Nearest rank: the smallest value that at least 90% of the values do not exceed. */
    static Double p90(List<Double> values) {
        if (values.isEmpty()) return null;
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return round(sorted[(int) Math.ceil(0.9 * sorted.length) - 1], 1);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    static Double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
