package io.kefu.qa.rank;

import io.kefu.qa.decide.Thresholds;
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

    /** Two stumps on feature 1: below 0.5 → -1, else +1; feature 2 above 0.2 adds 0.5. */
    private static RankingModel treeModel() {
        var first = new TreeEnsemble.Tree(new int[]{1, -1, -1}, new double[]{0.5, 0, 0}, new int[]{1, 0, 0},
                new int[]{2, 0, 0}, new double[]{0, -1, 1});
        var second = new TreeEnsemble.Tree(new int[]{2, -1, -1}, new double[]{0.2, 0, 0}, new int[]{1, 0, 0},
                new int[]{2, 0, 0}, new double[]{0, 0, 0.5});
        return new RankingModel(PairFeatures.NAMES, new TreeEnsemble(0.25, java.util.List.of(first, second)),
                new Thresholds(0.6, 0.3, 0), "test");
    }

    @Test
    void treesAddTheirLeavesToTheBias() {
        double[] x = new double[PairFeatures.NAMES.size()];
        x[1] = 0.7;
        x[2] = 0.1;
        assertEquals(1 / (1 + Math.exp(-(0.25 + 1))), treeModel().probability(x), 1e-12);
        x[1] = 0.5;
        x[2] = 0.9;
        assertEquals(1 / (1 + Math.exp(-(0.25 - 1 + 0.5))), treeModel().probability(x), 1e-12);
    }

    @Test
    void savesAndLoadsATreeModel(@TempDir Path dir) {
        Path file = dir.resolve("trees.json");
        treeModel().save(file);
        assertEquals(treeModel(), RankingModel.load(file));
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
