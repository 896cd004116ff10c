package io.kefu.qa.eval;

import io.kefu.qa.rank.LogisticScorer;

import java.util.List;

/**
 * Fits logistic-regression weights by full-batch gradient descent with Adam and a small L2 penalty. A few dozen
 * lines are enough for a few hundred features and a hundred thousand examples; a library would add more than it
 * saves. Deterministic: same data, same weights.
 */
final class LogisticRegression {

    private final int iterations;
    private final double learningRate;
    private final double l2;

    LogisticRegression(int iterations, double learningRate, double l2) {
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.l2 = l2;
    }

    /** @param rows raw {@code PairFeatures} vectors; {@code quadratic} expands them as the model will */
    double[] fit(List<double[]> rows, List<Boolean> labels, boolean quadratic) {
        double[][] x = rows.stream().map(r -> LogisticScorer.expand(r, quadratic)).toArray(double[][]::new);
        int n = x.length;
        int d = x[0].length;
        double[] w = new double[d];
        double[] m = new double[d];
        double[] v = new double[d];
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int t = 1; t <= iterations; t++) {
            double[] gradient = new double[d];
            for (int i = 0; i < n; i++) {
                double z = 0;
                double[] xi = x[i];
                for (int j = 0; j < d; j++) z += w[j] * xi[j];
                double error = 1.0 / (1.0 + Math.exp(-z)) - (labels.get(i) ? 1 : 0);
                for (int j = 0; j < d; j++) gradient[j] += error * xi[j];
            }
            for (int j = 0; j < d; j++) {
                double g = gradient[j] / n + (j == 0 ? 0 : l2 * w[j]);
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                double mHat = m[j] / (1 - Math.pow(beta1, t));
                double vHat = v[j] / (1 - Math.pow(beta2, t));
                w[j] -= learningRate * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return w;
    }
}
