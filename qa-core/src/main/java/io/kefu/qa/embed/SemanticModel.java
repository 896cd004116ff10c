package io.kefu.qa.embed;

import io.kefu.qa.expand.AnalyzedText;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A learned representation of questions and how much to trust it beside the lexical ranker.
 *
 * <p>The encoder is a bag of {@link HashedFeatures hashed} character grams and words: a question's vector is the sum
 * of its features' rows, scaled to unit length, so the cosine of two vectors says how alike their meanings are. The
 * rows were trained on labelled question pairs (same meaning or not) with a contrastive objective (qa-eval
 * {@code train-semantic}); they are stored as one byte per number with a scale per row. Training starts from
 * {@link #randomStart random rows} and only the rows of common features learn, so a file holds the seed of that start
 * and only the rows that differ from it (about 7% of them): the rest are drawn again when the model is read.
 *
 * <p>The blend turns the lexical ranker's log-odds {@code z} and the cosine {@code c} into the ranker's probability,
 * {@code σ(w0 + w1 z + w2 c + w3 c σ(z) + w4 c²)}, with weights fitted on pairs whose cosines came from an encoder
 * that had not seen them: where the cosine adds nothing, its weights are near zero and the lexical model decides.
 *
 * @param thresholds answer, clarify and margin chosen for the blended probability (as {@code RankingModel}'s are
 *                   for its own), for a bot that does not calibrate on its knowledge base
 */
public final class SemanticModel {

    private static final String MAGIC = "kefu-semantic-2";
    /** The number of blend weights. */
    public static final int BLEND_WEIGHTS = 5;

    private final int buckets;
    private final int dimension;
    /** The kinds of {@link HashedFeatures} the rows were trained on. */
    private final String kinds;
    /** The seed of the {@link #randomStart} the rows were trained from. */
    private final long seed;
    private final byte[] rows;
    private final float[] scales;
    private final double[] blend;
    private final double[] thresholds;
    private final String provenance;
    private final String fingerprint;

    private SemanticModel(int buckets, int dimension, String kinds, long seed, byte[] rows, float[] scales,
                          double[] blend, double[] thresholds, String provenance) {
        if (buckets < 1 || dimension < 1) throw new IllegalArgumentException("buckets and dimension must be positive");
        if (rows.length != buckets * dimension || scales.length != buckets) throw new IllegalArgumentException("table size");
        if (blend.length != BLEND_WEIGHTS) throw new IllegalArgumentException("blend needs " + BLEND_WEIGHTS + " weights");
        if (thresholds.length != 3) throw new IllegalArgumentException("thresholds: answer, clarify, margin");
        this.buckets = buckets;
        this.dimension = dimension;
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.seed = seed;
        this.rows = rows;
        this.scales = scales;
        this.blend = blend.clone();
        this.thresholds = thresholds.clone();
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.fingerprint = digest();
    }

    /**
     * A model from trained rows ({@code buckets × dimension} numbers, row after row), quantised to a byte per number.
     *
     * @param seed the seed of the {@link #randomStart} training began from (any seed for rows made otherwise: the
     *             file then holds every row)
     */
    public static SemanticModel of(float[] table, int buckets, int dimension, String kinds, long seed, double[] blend,
                                   double[] thresholds, String provenance) {
        var bytes = new byte[buckets * dimension];
        var scales = new float[buckets];
        quantise(table, dimension, bytes, scales);
        return new SemanticModel(buckets, dimension, kinds, seed, bytes, scales, blend, thresholds, provenance);
    }

    /**
     * The rows training starts from: a random projection of the bag of features (texts that share features are near
     * before any training), {@code N(0, 1/dimension)} drawn in order from {@code new Random(seed)}.
     */
    public static float[] randomStart(long seed, int buckets, int dimension) {
        var random = new java.util.Random(seed);
        double scale = 1 / Math.sqrt(dimension);
        var table = new float[buckets * dimension];
        for (int i = 0; i < table.length; i++) table[i] = (float) (random.nextGaussian() * scale);
        return table;
    }

    private static void quantise(float[] table, int dimension, byte[] bytes, float[] scales) {
        for (int r = 0; r < scales.length; r++) {
            float max = 0;
            for (int d = 0; d < dimension; d++) max = Math.max(max, Math.abs(table[r * dimension + d]));
            scales[r] = max / 127f;
            for (int d = 0; d < dimension; d++) {
                bytes[r * dimension + d] = max == 0 ? 0 : (byte) Math.round(table[r * dimension + d] / scales[r]);
            }
        }
    }

    /** The same encoder with another blend and thresholds. */
    public SemanticModel withBlend(double[] newBlend, double[] newThresholds, String newProvenance) {
        return new SemanticModel(buckets, dimension, kinds, seed, rows, scales, newBlend, newThresholds, newProvenance);
    }

    /** The unit vector of a text; all zeros for a text without features (cosine 0 with everything). */
    public float[] encode(AnalyzedText text) {
        return encode(HashedFeatures.of(text, buckets, kinds));
    }

    /** The unit vector of a bag of {@link HashedFeatures} buckets. */
    public float[] encode(int[] features) {
        var sum = new float[dimension];
        for (int bucket : features) {
            float scale = scales[bucket];
            if (scale == 0) continue;
            int offset = bucket * dimension;
            for (int d = 0; d < dimension; d++) sum[d] += scale * rows[offset + d];
        }
        return unit(sum);
    }

    /** Scales a vector to unit length in place; a zero vector stays zero. */
    public static float[] unit(float[] vector) {
        double norm = 0;
        for (float x : vector) norm += x * x;
        if (norm == 0) return vector;
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) vector[d] *= inverse;
        return vector;
    }

    /** The cosine of two unit vectors (0 when either is zero). */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) dot += a[d] * b[d];
        return dot;
    }

    /** The blend's inputs for a lexical log-odds and a cosine, the bias first. */
    public static double[] blendFeatures(double lexicalLogit, double cosine) {
        double lexical = 1 / (1 + Math.exp(-lexicalLogit));
        return new double[]{1, lexicalLogit, cosine, cosine * lexical, cosine * cosine};
    }

    /** The probability that two texts ask the same thing, from the lexical log-odds and the cosine. */
    public double probability(double lexicalLogit, double cosine) {
        double lexical = 1 / (1 + Math.exp(-lexicalLogit));
        double z = blend[0] + blend[1] * lexicalLogit + blend[2] * cosine + blend[3] * cosine * lexical
                + blend[4] * cosine * cosine;
        return 1 / (1 + Math.exp(-z));
    }

    public int dimension() {
        return dimension;
    }

    public int buckets() {
        return buckets;
    }

    /** The kinds of {@link HashedFeatures} the encoder reads. */
    public String kinds() {
        return kinds;
    }

    public double[] blend() {
        return blend.clone();
    }

    /** Answer, clarify, margin. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    public String provenance() {
        return provenance;
    }

    /** A SHA-256 of the whole model, e.g. for a calibration's key. */
    public String fingerprint() {
        return fingerprint;
    }

    public static SemanticModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read semantic model " + file, e);
        }
    }

    /** Reads a model written by {@link #save}; a file of another format is refused. */
    public static SemanticModel load(InputStream raw) {
        try (var in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            String magic = in.readUTF();
            if (!magic.equals(MAGIC)) throw new IllegalArgumentException("not a semantic model (" + magic + ")");
            String provenance = in.readUTF();
            int buckets = in.readInt();
            int dimension = in.readInt();
            String kinds = in.readUTF();
            if (buckets < 1 || dimension < 1 || (long) buckets * dimension > 64L << 20) {
                throw new IllegalArgumentException("semantic model of " + buckets + " × " + dimension + " refused");
            }
            var blend = new double[in.readInt()];
            for (int i = 0; i < blend.length; i++) blend[i] = in.readDouble();
            var thresholds = new double[3];
            for (int i = 0; i < 3; i++) thresholds[i] = in.readDouble();
            long seed = in.readLong();
            var scales = new float[buckets];
            var rows = new byte[buckets * dimension];
            quantise(randomStart(seed, buckets, dimension), dimension, rows, scales);
            int stored = in.readInt();
            if (stored < 0 || stored > buckets) throw new IllegalArgumentException("semantic model: " + stored + " rows");
            for (int i = 0; i < stored; i++) {
                int row = in.readInt();
                if (row < 0 || row >= buckets) throw new IllegalArgumentException("semantic model: row " + row);
                scales[row] = in.readFloat();
                in.readFully(rows, row * dimension, dimension);
            }
            return new SemanticModel(buckets, dimension, kinds, seed, rows, scales, blend, thresholds, provenance);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read semantic model", e);
        }
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file))))) {
                write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write semantic model " + file, e);
        }
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeUTF(provenance);
        out.writeInt(buckets);
        out.writeInt(dimension);
        out.writeUTF(kinds);
        out.writeInt(blend.length);
        for (double w : blend) out.writeDouble(w);
        for (double t : thresholds) out.writeDouble(t);
        out.writeLong(seed);
        var startRows = new byte[rows.length];
        var startScales = new float[buckets];
        quantise(randomStart(seed, buckets, dimension), dimension, startRows, startScales);
        var changed = new java.util.ArrayList<Integer>();
        for (int r = 0; r < buckets; r++) {
            if (scales[r] != startScales[r]
                    || !Arrays.equals(rows, r * dimension, (r + 1) * dimension, startRows, r * dimension, (r + 1) * dimension)) {
                changed.add(r);
            }
        }
        out.writeInt(changed.size());
        for (int r : changed) {
            out.writeInt(r);
            out.writeFloat(scales[r]);
            out.write(rows, r * dimension, dimension);
        }
    }

    private String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(rows);
            sha.update(kinds.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (float s : scales) sha.update(Float.toString(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((Arrays.toString(blend) + Arrays.toString(thresholds))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SemanticModel[" + buckets + " × " + dimension + " " + kinds + ", blend " + Arrays.toString(blend) + "]";
    }
}
