package io.kefu.qa.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Learns the rows of the semantic model's encoder (a bag of hashed features, summed and scaled to unit length) from
 * labelled text pairs, on one thread. Two objectives per mini-batch:
 * <ul>
 *   <li>contrastive (InfoNCE): each text of a positive pair must be nearer its partner than every other text of the
 *       batch, which supplies many easy negatives for free; texts of the same group (the same FAQ entry) are not
 *       counted as negatives of each other;</li>
 *   <li>pairwise: {@code σ(SCALE (cos − MARGIN))} fits the label of every pair, which makes the labelled hard
 *       negatives (pairs that share most words but not their meaning) push apart.</li>
 * </ul>
 * Updates are row-wise Adagrad (one accumulator per row). Deterministic for a seed.
 */
final class EncoderTraining {

    /** A labelled pair of texts as feature buckets; {@code group} ≥ 0 marks texts of one FAQ entry (-1: none). */
    record Example(int[] a, int[] b, boolean same, int group) {
    }

    private static final double TEMPERATURE = 0.05;
    private static final double SCALE = 10;
    private static final double MARGIN = 0.5;

    final int buckets;
    final int dimension;
    final float[] table;
    private final float[] accumulated;
    /** Rows that learn; the others keep their random start (see {@link #trainOnlyCommon}). */
    private boolean[] trainable;
    private final Random random;
    /** The seed of the rows' random start, which the model file keeps instead of the rows that never learned. */
    final long seed;

    EncoderTraining(int buckets, int dimension, long seed) {
        this.buckets = buckets;
        this.dimension = dimension;
        this.seed = seed;
        this.table = io.kefu.qa.embed.SemanticModel.randomStart(seed, buckets, dimension);
        this.accumulated = new float[buckets];
        // the batches' order draws from a generator of its own, after the rows' (as it did when both shared one)
        this.random = new Random(seed);
        for (int i = 0; i < table.length; i++) random.nextGaussian();
    }

    /**
     * Lets only the rows of features that occur in at least {@code minTexts} distinct texts of the examples learn.
     * A rare gram (a name, a typo) would otherwise learn to pull its one pair together: the encoder would remember
     * its training pairs instead of learning what makes two questions mean the same. Frozen rows keep their random
     * start, so two texts that share a rare gram still come out near, as the lexical overlap says; a feature never
     * seen in training behaves the same way.
     */
    void trainOnlyCommon(List<Example> examples, int minTexts) {
        var counts = new int[buckets];
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<int[], Boolean>());
        for (Example example : examples) {
            for (int[] text : new int[][]{example.a(), example.b()}) {
                if (!seen.add(text)) continue;
                for (int bucket : java.util.Arrays.stream(text).distinct().toArray()) counts[bucket]++;
            }
        }
        trainable = new boolean[buckets];
        int rows = 0;
        for (int b = 0; b < buckets; b++) {
            trainable[b] = counts[b] >= minTexts;
            if (trainable[b]) rows++;
        }
        this.trainableRows = rows;
    }

    int trainableRows = -1;

    /** One pass over the examples in a random order; returns the mean loss. */
    double epoch(List<Example> examples, int batchSize, double learningRate, double pairWeight) {
        var order = new ArrayList<>(examples);
        Collections.shuffle(order, random);
        double loss = 0;
        for (int start = 0; start < order.size(); start += batchSize) {
            loss += batch(order.subList(start, Math.min(order.size(), start + batchSize)), learningRate, pairWeight);
        }
        return loss / Math.max(1, order.size());
    }

    /** The unit vector of a bag of features under the current rows. */
    float[] encode(int[] features) {
        var sum = new float[dimension];
        for (int bucket : features) {
            int offset = bucket * dimension;
            for (int d = 0; d < dimension; d++) sum[d] += table[offset + d];
        }
        double norm = 0;
        for (float x : sum) norm += x * x;
        if (norm > 0) {
            float inverse = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dimension; d++) sum[d] *= inverse;
        }
        return sum;
    }

    private double batch(List<Example> batch, double learningRate, double pairWeight) {
        int n = batch.size();
        var a = new Encoded[n];
        var b = new Encoded[n];
        for (int i = 0; i < n; i++) {
            a[i] = new Encoded(batch.get(i).a(), dimension);
            b[i] = new Encoded(batch.get(i).b(), dimension);
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            Example example = batch.get(i);
            double cos = dot(a[i].unit, b[i].unit);
            double p = 1 / (1 + Math.exp(-SCALE * (cos - MARGIN)));
            double y = example.same() ? 1 : 0;
            loss += pairWeight * -(y * Math.log(p + 1e-9) + (1 - y) * Math.log(1 - p + 1e-9));
            double g = pairWeight * SCALE * (p - y);
            add(a[i].gradient, b[i].unit, g);
            add(b[i].gradient, a[i].unit, g);
            if (example.same()) {
                loss += contrast(i, a, b, batch);
                loss += contrast(i, b, a, batch);
            }
        }
        for (int i = 0; i < n; i++) {
            apply(a[i], learningRate);
            apply(b[i], learningRate);
        }
        return loss;
    }

    /** InfoNCE of anchor {@code from[i]} against every {@code to[j]}, its partner {@code to[i]} the right one. */
    private double contrast(int i, Encoded[] from, Encoded[] to, List<Example> batch) {
        int n = to.length;
        int group = batch.get(i).group();
        var logits = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            boolean sameGroup = j != i && group >= 0 && batch.get(j).group() == group;
            logits[j] = sameGroup ? Double.NEGATIVE_INFINITY : dot(from[i].unit, to[j].unit) / TEMPERATURE;
            max = Math.max(max, logits[j]);
        }
        double total = 0;
        for (int j = 0; j < n; j++) total += logits[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logits[j] - max);
        for (int j = 0; j < n; j++) {
            if (logits[j] == Double.NEGATIVE_INFINITY) continue;
            double softmax = Math.exp(logits[j] - max) / total;
            double g = (softmax - (j == i ? 1 : 0)) / TEMPERATURE;
            if (g == 0) continue;
            add(from[i].gradient, to[j].unit, g);
            add(to[j].gradient, from[i].unit, g);
        }
        return -(logits[i] - max - Math.log(total));
    }

    /** Back through the scaling to unit length into every row of the text, row-wise Adagrad. */
    private void apply(Encoded text, double learningRate) {
        if (text.norm == 0) return;
        double along = dot(text.gradient, text.unit);
        var raw = new float[dimension];
        double squared = 0;
        for (int d = 0; d < dimension; d++) {
            raw[d] = (float) ((text.gradient[d] - along * text.unit[d]) / text.norm);
            squared += raw[d] * raw[d];
        }
        if (squared == 0) return;
        for (int bucket : text.features) {
            if (trainable != null && !trainable[bucket]) continue;
            accumulated[bucket] += (float) (squared / dimension);
            double step = learningRate / Math.sqrt(accumulated[bucket] + 1e-8);
            int offset = bucket * dimension;
            for (int d = 0; d < dimension; d++) table[offset + d] -= (float) (step * raw[d]);
        }
    }

    private static double dot(float[] x, float[] y) {
        double sum = 0;
        for (int d = 0; d < x.length; d++) sum += x[d] * y[d];
        return sum;
    }

    private static void add(float[] into, float[] vector, double factor) {
        for (int d = 0; d < into.length; d++) into[d] += (float) (factor * vector[d]);
    }

    /** A text's sum of rows, its unit vector and the gradient of the loss with respect to the unit vector. */
    private final class Encoded {
        final int[] features;
        final float[] unit;
        final float[] gradient;
        final double norm;

        Encoded(int[] features, int dimension) {
            this.features = features;
            var sum = new float[dimension];
            for (int bucket : features) {
                int offset = bucket * dimension;
                for (int d = 0; d < dimension; d++) sum[d] += table[offset + d];
            }
            double squared = 0;
            for (float x : sum) squared += x * x;
            this.norm = Math.sqrt(squared);
            if (norm > 0) for (int d = 0; d < dimension; d++) sum[d] /= (float) norm;
            this.unit = sum;
            this.gradient = new float[dimension];
        }
    }
}
