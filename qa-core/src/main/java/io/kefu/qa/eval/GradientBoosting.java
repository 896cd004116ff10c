package io.kefu.qa.eval;

import io.kefu.qa.rank.TreeEnsemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Learns a {@link TreeEnsemble} for binary log-loss, the way XGBoost and LightGBM do at their core: each tree fits
 * the gradient of the loss with second-order leaf values, split points come from per-feature quantile bins, and
 * trees grow level by level to a fixed depth. A hundred and fifty lines are enough for twenty features and a few
 * hundred thousand examples; deterministic: same data, same trees.
 */
final class GradientBoosting {

    private static final int BINS = 64;

    private final int trees;
    private final int depth;
    private final double learningRate;
    private final double lambda;
    private final double minChildHessian;

    GradientBoosting(int trees, int depth, double learningRate, double lambda, double minChildHessian) {
        this.trees = trees;
        this.depth = depth;
        this.learningRate = learningRate;
        this.lambda = lambda;
        this.minChildHessian = minChildHessian;
    }

    TreeEnsemble fit(List<double[]> rows, List<Boolean> labels) {
        int n = rows.size();
        int f = rows.get(0).length;
        double[][] cuts = new double[f][];
        for (int j = 0; j < f; j++) cuts[j] = cutPoints(rows, j);
        byte[][] binned = new byte[f][n];
        for (int j = 0; j < f; j++) {
            for (int i = 0; i < n; i++) binned[j][i] = (byte) bin(cuts[j], rows.get(i)[j]);
        }
        double positives = labels.stream().filter(b -> b).count();
        double bias = Math.log((positives + 1) / (n - positives + 1));
        double[] logit = new double[n];
        Arrays.fill(logit, bias);
        var ensemble = new ArrayList<TreeEnsemble.Tree>(trees);
        double[] gradient = new double[n];
        double[] hessian = new double[n];
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-logit[i]));
                gradient[i] = p - (labels.get(i) ? 1 : 0);
                hessian[i] = Math.max(p * (1 - p), 1e-6);
            }
            TreeEnsemble.Tree tree = growTree(binned, cuts, gradient, hessian, n);
            ensemble.add(tree);
            for (int i = 0; i < n; i++) logit[i] += leafFor(tree, binned, cuts, i);
        }
        return new TreeEnsemble(bias, ensemble);
    }

    /** A node under construction: the examples that reach it. */
    private record Node(int id, int[] examples) {
    }

    private TreeEnsemble.Tree growTree(byte[][] binned, double[][] cuts, double[] g, double[] h, int n) {
        int maxNodes = (1 << (depth + 1)) - 1;
        int[] feature = new int[maxNodes];
        double[] threshold = new double[maxNodes];
        int[] left = new int[maxNodes];
        int[] right = new int[maxNodes];
        double[] value = new double[maxNodes];
        Arrays.fill(feature, -1);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        List<Node> level = List.of(new Node(0, all));
        int nextId = 1;
        for (int d = 0; d <= depth; d++) {
            var next = new ArrayList<Node>();
            for (Node node : level) {
                double gSum = 0;
                double hSum = 0;
                for (int i : node.examples()) {
                    gSum += g[i];
                    hSum += h[i];
                }
                value[node.id()] = -gSum / (hSum + lambda) * learningRate;
                if (d == depth) continue;
                Split split = bestSplit(binned, g, h, node.examples(), gSum, hSum);
                if (split == null) continue;
                feature[node.id()] = split.feature();
                threshold[node.id()] = cuts[split.feature()][split.bin()];
                left[node.id()] = nextId;
                right[node.id()] = nextId + 1;
                var goLeft = new ArrayList<Integer>();
                var goRight = new ArrayList<Integer>();
                for (int i : node.examples()) (binned[split.feature()][i] <= split.bin() ? goLeft : goRight).add(i);
                next.add(new Node(nextId, goLeft.stream().mapToInt(Integer::intValue).toArray()));
                next.add(new Node(nextId + 1, goRight.stream().mapToInt(Integer::intValue).toArray()));
                nextId += 2;
            }
            level = next;
        }
        return new TreeEnsemble.Tree(Arrays.copyOf(feature, nextId), Arrays.copyOf(threshold, nextId),
                Arrays.copyOf(left, nextId), Arrays.copyOf(right, nextId), Arrays.copyOf(value, nextId));
    }

    private record Split(int feature, int bin, double gain) {
    }

    private Split bestSplit(byte[][] binned, double[] g, double[] h, int[] examples, double gSum, double hSum) {
        Split best = null;
        double parent = gSum * gSum / (hSum + lambda);
        for (int j = 0; j < binned.length; j++) {
            double[] gHist = new double[BINS];
            double[] hHist = new double[BINS];
            byte[] column = binned[j];
            for (int i : examples) {
                gHist[column[i]] += g[i];
                hHist[column[i]] += h[i];
            }
            double gLeft = 0;
            double hLeft = 0;
            for (int b = 0; b < BINS - 1; b++) {
                gLeft += gHist[b];
                hLeft += hHist[b];
                double hRight = hSum - hLeft;
                if (hLeft < minChildHessian || hRight < minChildHessian) continue;
                double gRight = gSum - gLeft;
                double gain = gLeft * gLeft / (hLeft + lambda) + gRight * gRight / (hRight + lambda) - parent;
                if (gain > 1e-9 && (best == null || gain > best.gain())) best = new Split(j, b, gain);
            }
        }
        return best;
    }

    private static double leafFor(TreeEnsemble.Tree tree, byte[][] binned, double[][] cuts, int i) {
        int node = 0;
        while (tree.feature()[node] >= 0) {
            int j = tree.feature()[node];
            node = cuts[j][binned[j][i]] <= tree.threshold()[node] ? tree.left()[node] : tree.right()[node];
        }
        return tree.value()[node];
    }

    /**
     * Up to BINS - 1 distinct upper bin edges at the feature's quantiles, then +infinity; distinct, so that "bin at
     * most b" during training means exactly "value at most edge b" when the tree is used.
     */
    private static double[] cutPoints(List<double[]> rows, int j) {
        double[] sorted = rows.stream().mapToDouble(r -> r[j]).sorted().toArray();
        var edges = new java.util.TreeSet<Double>();
        for (int b = 1; b < BINS; b++) edges.add(sorted[(int) ((long) b * (sorted.length - 1) / BINS)]);
        double[] cuts = new double[BINS];
        Arrays.fill(cuts, Double.POSITIVE_INFINITY);
        int k = 0;
        for (double edge : edges) cuts[k++] = edge;
        return cuts;
    }

    /** The first bin whose upper edge is at least the value. */
    private static int bin(double[] cuts, double value) {
        int index = Arrays.binarySearch(cuts, value);
        if (index < 0) index = -index - 1;
        return Math.min(index, BINS - 1);
    }
}
