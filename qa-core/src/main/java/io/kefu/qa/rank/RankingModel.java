package io.kefu.qa.rank;

import io.kefu.qa.decide.Thresholds;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A logistic-regression model over {@link PairFeatures}, optionally with all pairwise products of the features so
 * that a linear model can express "high coverage AND no missing rare word". Its output is a probability that two
 * texts ask the same thing, which is what the decision thresholds are calibrated against.
 *
 * @param features   the feature names the weights were learned for (must equal {@link PairFeatures#NAMES})
 * @param quadratic  whether pairwise products of the features are appended
 * @param weights    one weight per (expanded) feature
 * @param thresholds the decision thresholds chosen on the training data
 * @param provenance how the model was made (command, data, date), for whoever reads the file
 */
public record RankingModel(List<String> features, boolean quadratic, double[] weights, Thresholds thresholds,
                           String provenance) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RankingModel {
        features = List.copyOf(features);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(thresholds, "thresholds");
        if (!features.equals(PairFeatures.NAMES)) {
            throw new IllegalArgumentException("model was trained for features " + features
                    + " but this version computes " + PairFeatures.NAMES + "; retrain it with the evaluator's train command");
        }
        if (weights.length != expandedSize(features.size(), quadratic)) {
            throw new IllegalArgumentException("model has " + weights.length + " weights, expected "
                    + expandedSize(features.size(), quadratic));
        }
        weights = weights.clone();
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
            for (int j = i; j < raw.length; j++) {
                if (k < out.length) out[k++] = raw[i] * raw[j];
            }
        }
        return out;
    }

    /** Probability in [0,1] that the two texts described by {@code raw} have the same intent. */
    public double probability(double[] raw) {
        // the same sum as over expand(raw), without allocating the expanded vector for every candidate
        double z = 0;
        for (int i = 0; i < raw.length; i++) z += weights[i] * raw[i];
        if (quadratic) {
            int k = raw.length;
            for (int i = 1; i < raw.length; i++) {
                for (int j = i; j < raw.length; j++) z += weights[k++] * raw[i] * raw[j];
            }
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public RankingModel withThresholds(Thresholds newThresholds) {
        return new RankingModel(features, quadratic, weights, newThresholds, provenance);
    }

    public static RankingModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ranking model " + file, e);
        }
    }

    public static RankingModel load(InputStream in) {
        return JSON.readValue(in, RankingModel.class);
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ranking model " + file, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankingModel m && features.equals(m.features) && quadratic == m.quadratic
                && Arrays.equals(weights, m.weights) && thresholds.equals(m.thresholds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, quadratic, Arrays.hashCode(weights), thresholds);
    }

    @Override
    public String toString() {
        return "RankingModel[" + weights.length + " weights, " + thresholds + "]";
    }
}
