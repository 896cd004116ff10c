package io.kefu.qa.rank;

import io.kefu.qa.rank.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingModelTest {

    private static RankingModel randomModel(boolean quadratic) {
        var random = new Random(7);
        double[] weights = new double[LogisticScorer.expandedSize(PairFeatures.NAMES.size(), quadratic)];
        for (int i = 0; i < weights.length; i++) weights[i] = random.nextGaussian();
        return new RankingModel(PairFeatures.NAMES, new LogisticScorer(quadratic, weights),
                new Thresholds(0.6, 0.3, 0.05), "test");
    }

    @Test
    void quadraticProbabilityIsTheLogisticOfTheExpandedDotProduct() {
        RankingModel model = randomModel(true);
        var random = new Random(3);
        double[] raw = new double[PairFeatures.NAMES.size()];
        raw[0] = 1;
        for (int i = 1; i < raw.length; i++) raw[i] = random.nextDouble();
        double[] x = LogisticScorer.expand(raw, true);
        double[] weights = ((LogisticScorer) model.scorer()).weights();
        double z = 0;
        for (int i = 0; i < x.length; i++) z += weights[i] * x[i];
        assertEquals(1 / (1 + Math.exp(-z)), model.probability(raw), 1e-12);
    }

    @Test
    void savesAndLoadsTheSameModel(@TempDir Path dir) {
        RankingModel model = randomModel(true);
        Path file = dir.resolve("model.json");
        model.save(file);
        RankingModel loaded = RankingModel.load(file);
        assertEquals(model, loaded);
        assertEquals(new Thresholds(0.6, 0.3, 0.05), loaded.thresholds());
    }

    @Test
    void refusesAModelTrainedForOtherFeatures() {
        var error = assertThrows(IllegalArgumentException.class, () -> new RankingModel(
                java.util.List.of("bias", "something_else"), new LogisticScorer(false, new double[2]),
                new Thresholds(0.5, 0.2, 0), ""));
        assertTrue(error.getMessage().contains("retrain"));
    }
}
