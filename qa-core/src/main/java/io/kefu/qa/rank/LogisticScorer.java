package io.kefu.qa.rank;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.Arrays;
import java.util.Objects;

/**
 * Logistic regression, optionally over the features and all their pairwise products, so that a linear model can
 * express "high coverage AND no missing rare word".
 *
 * <p>Written into the model file with its {@code "type": "logistic"}, so that a file made for another kind of scorer
 * is refused when it is read rather than misread.
 *
 * @param quadratic whether the pairwise products of the features (bias excluded) follow the features
 * @param weights   one weight per (expanded) feature
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeName("logistic")
public record LogisticScorer(boolean quadratic, double[] weights) {

    public LogisticScorer {
        weights = Objects.requireNonNull(weights, "weights").clone();
    }

    public static int expandedSize(int base, boolean quadratic) {
        return quadratic ? base + base * (base - 1) / 2 : base;
    }

    /** The raw features followed, if {@code quadratic}, by the product of every pair (bias excluded: index 0). */
    public static double[] expand(double[] raw, boolean quadratic) {
        if (!quadratic) return raw;
        double[] out = Arrays.copyOf(raw, expandedSize(raw.length, true));
        int k = raw.length;
        for (int i = 1; i < raw.length; i++) {
            for (int j = i; j < raw.length; j++) out[k++] = raw[i] * raw[j];
        }
        return out;
    }

    /** The log-odds that the two texts described by {@code raw} ask the same thing. */
    public double logit(double[] raw) {
        if (weights.length != expandedSize(raw.length, quadratic)) {
            throw new IllegalArgumentException("model has " + weights.length + " weights for " + raw.length + " features");
        }
        // the same sum as over expand(raw), without allocating the expanded vector for every candidate
        double z = 0;
        for (int i = 0; i < raw.length; i++) z += weights[i] * raw[i];
        if (quadratic) {
            int k = raw.length;
            for (int i = 1; i < raw.length; i++) {
                for (int j = i; j < raw.length; j++) z += weights[k++] * raw[i] * raw[j];
            }
        }
        return z;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticScorer s && quadratic == s.quadratic && Arrays.equals(weights, s.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(quadratic) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "LogisticScorer[" + weights.length + " weights]";
    }
}
