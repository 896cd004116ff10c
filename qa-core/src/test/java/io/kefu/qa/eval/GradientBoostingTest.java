package io.kefu.qa.eval;

import io.kefu.qa.rank.TreeEnsemble;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientBoostingTest {

    /** "Same" only when both features are high: an interaction no single feature separates. */
    @Test
    void learnsAnInteractionAndIsDeterministic() {
        var random = new Random(11);
        var rows = new ArrayList<double[]>();
        var labels = new ArrayList<Boolean>();
        for (int i = 0; i < 2000; i++) {
            double a = random.nextDouble();
            double b = random.nextDouble();
            rows.add(new double[]{1, a, b});
            labels.add(a > 0.5 && b > 0.5);
        }
        var learner = new GradientBoosting(60, 3, 0.3, 1.0, 1.0);
        TreeEnsemble model = learner.fit(rows, labels);
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) if ((model.logit(rows.get(i)) > 0) == labels.get(i)) correct++;
        assertTrue(correct > 0.97 * rows.size(), "training accuracy " + correct);
        assertTrue(model.logit(new double[]{1, 0.9, 0.9}) > 0);
        assertTrue(model.logit(new double[]{1, 0.9, 0.1}) < 0);
        assertEquals(model, learner.fit(rows, labels));
    }
}
