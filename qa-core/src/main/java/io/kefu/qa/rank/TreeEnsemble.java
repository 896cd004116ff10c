package io.kefu.qa.rank;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Gradient-boosted regression trees: the log-odds is {@code bias} plus the sum of every tree's leaf value. Trees
 * find the interactions between features (full coverage matters only when no rare word is missing) that a linear
 * model has to be given as products.
 *
 * @param bias  the starting log-odds (the prior of the training labels)
 * @param trees the trees, already scaled by the learning rate
 */
public record TreeEnsemble(double bias, List<Tree> trees) implements Scorer {

    public TreeEnsemble {
        trees = List.copyOf(trees);
    }

    @Override
    public double logit(double[] features) {
        double z = bias;
        for (Tree tree : trees) z += tree.value(features);
        return z;
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + trees.size() + " trees]";
    }

    /**
     * One tree as parallel arrays: node {@code i} is a leaf when {@code feature[i] < 0}, with output
     * {@code value[i]}; otherwise it sends {@code x[feature[i]] <= threshold[i]} to {@code left[i]}, the rest to
     * {@code right[i]}. Node 0 is the root.
     */
    public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {

        public Tree {
            int n = Objects.requireNonNull(feature, "feature").length;
            if (threshold.length != n || left.length != n || right.length != n || value.length != n) {
                throw new IllegalArgumentException("tree arrays differ in length");
            }
            feature = feature.clone();
            threshold = threshold.clone();
            left = left.clone();
            right = right.clone();
            value = value.clone();
        }

        double value(double[] x) {
            int node = 0;
            while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            return value[node];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tree t && Arrays.equals(feature, t.feature) && Arrays.equals(threshold, t.threshold)
                    && Arrays.equals(left, t.left) && Arrays.equals(right, t.right) && Arrays.equals(value, t.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(feature) * 31 + Arrays.hashCode(value);
        }
    }
}
