package io.kefu.qa.rank;

import io.kefu.qa.rank.Thresholds;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The ranker's model: a logistic regression over {@link PairFeatures} whose output is a probability that two texts
 * ask the same thing, and the decision thresholds calibrated against that probability. Trained and written by the
 * evaluator's {@code train} command (qa-eval); the knowledge module ships one.
 *
 * @param features   the feature names the scorer was learned for (must equal {@link PairFeatures#NAMES})
 * @param scorer     the logistic regression
 * @param thresholds the decision thresholds chosen on the training data
 * @param provenance how the model was made (command, data, date), for whoever reads the file
 */
public record RankingModel(List<String> features, LogisticScorer scorer, Thresholds thresholds, String provenance) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RankingModel {
        features = List.copyOf(features);
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(thresholds, "thresholds");
        if (!features.equals(PairFeatures.NAMES)) {
            throw new IllegalArgumentException("model was trained for features " + features
                    + " but this version computes " + PairFeatures.NAMES + "; retrain it with the evaluator's train command");
        }
    }

    /** A model for the features this version computes. */
    public static RankingModel of(LogisticScorer scorer, Thresholds thresholds, String provenance) {
        return new RankingModel(PairFeatures.NAMES, scorer, thresholds, provenance);
    }

    /** Probability in [0,1] that the two texts described by {@code raw} have the same intent. */
    public double probability(double[] raw) {
        return 1.0 / (1.0 + Math.exp(-scorer.logit(raw)));
    }

    /** The log-odds behind {@link #probability}, which a semantic blend starts from. */
    public double logit(double[] raw) {
        return scorer.logit(raw);
    }

    public RankingModel withThresholds(Thresholds newThresholds) {
        return new RankingModel(features, scorer, newThresholds, provenance);
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
            Files.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ranking model " + file, e);
        }
    }
}
