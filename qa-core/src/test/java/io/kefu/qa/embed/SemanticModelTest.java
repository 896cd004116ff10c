package io.kefu.qa.embed;

import io.kefu.qa.Lexicon;
import io.kefu.qa.expand.TextAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemanticModelTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(Lexicon.empty());

    @Test
    void savesAndLoadsTheSameModel(@TempDir Path folder) {
        var random = new Random(1);
        var table = new float[256 * 16];
        for (int i = 0; i < table.length; i++) table[i] = (float) random.nextGaussian();
        SemanticModel model = SemanticModel.of(table, 256, 16, HashedFeatures.ALL, 7, new double[]{-1, 0.5, 2, 0.1, 0},
                new double[]{0.3, 0.2, 0.01}, "test");
        Path file = folder.resolve("semantic-model.bin");
        model.save(file);
        SemanticModel loaded = SemanticModel.load(file);
        assertEquals(model.fingerprint(), loaded.fingerprint());
        assertArrayEquals(model.blend(), loaded.blend());
        assertArrayEquals(model.thresholds(), loaded.thresholds());
        assertEquals(HashedFeatures.ALL, loaded.kinds());
        var text = ANALYZER.analyze("信用卡怎么还款");
        assertArrayEquals(model.encode(text), loaded.encode(text));
        assertEquals(1, SemanticModel.cosine(loaded.encode(text), loaded.encode(text)), 1e-5);
        assertEquals(model.probability(1.5, 0.7), loaded.probability(1.5, 0.7), 1e-12);
    }

    @Test
    void keepsOnlyTheRowsThatMovedFromTheRandomStart(@TempDir Path folder) throws Exception {
        float[] table = SemanticModel.randomStart(42, 4096, 32);
        for (int d = 0; d < 32; d++) table[7 * 32 + d] = d; // one row learned
        SemanticModel model = SemanticModel.of(table, 4096, 32, "c", 42, new double[5], new double[3], "test");
        Path file = folder.resolve("start.bin");
        model.save(file);
        SemanticModel loaded = SemanticModel.load(file);
        assertEquals(model.fingerprint(), loaded.fingerprint());
        assertArrayEquals(model.encode(new int[]{7, 100, 4095}), loaded.encode(new int[]{7, 100, 4095}));
        // every row stored would take 4096 × 32 random bytes, which do not compress
        assertTrue(Files.size(file) < 4096, "file of " + Files.size(file) + " bytes");
        // another seed's start is not this one: every row is stored
        SemanticModel.of(table, 4096, 32, "c", 43, new double[5], new double[3], "test").save(file);
        assertTrue(Files.size(file) > 4096 * 32, "file of " + Files.size(file) + " bytes");
    }

    @Test
    void quantisesEachRowToItsOwnScale() {
        var table = new float[]{0.001f, -0.002f, 100f, 50f};
        SemanticModel model = SemanticModel.of(table, 2, 2, "c", 7, new double[5], new double[3], "test");
        // a row of tiny numbers keeps its direction although another row is five orders of magnitude larger
        float[] small = model.encode(new int[]{0});
        assertEquals(1 / Math.sqrt(5), small[0], 0.01);
        assertEquals(-2 / Math.sqrt(5), small[1], 0.01);
    }

    @Test
    void refusesAFileOfAnotherFormat() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF("something else");
        }
        assertThrows(IllegalArgumentException.class, () -> SemanticModel.load(new ByteArrayInputStream(bytes.toByteArray())));
        assertThrows(UncheckedIOException.class, () -> SemanticModel.load(new ByteArrayInputStream("{}".getBytes())));
    }

    @Test
    void textsOfOneTopicAreParallelAndATextWithoutKnownFeaturesIsZero() {
        SemanticModel model = SemanticFixtures.byTopic(Map.of("宽", 0, "带", 0, "光", 0, "猫", 0, "卡", 1), new double[5]);
        float[] broadband = model.encode(ANALYZER.analyze("宽带"));
        float[] modem = model.encode(ANALYZER.analyze("光猫坏了"));
        assertEquals(1, SemanticModel.cosine(broadband, modem), 1e-6);
        assertEquals(0, SemanticModel.cosine(broadband, model.encode(ANALYZER.analyze("信用卡"))), 1e-6);
        float[] unknown = model.encode(ANALYZER.analyze("你好"));
        for (float x : unknown) assertEquals(0, x);
        assertTrue(model.toString().contains("1024"));
    }

    @Test
    void hashedFeaturesAreStableAndCountRepeats() {
        var text = ANALYZER.analyze("哈哈哈");
        int[] features = HashedFeatures.of(text, 1 << 16, "c");
        assertEquals(3, features.length);
        assertEquals(features[0], features[2]);
        assertEquals(HashedFeatures.bucket('c', "哈", "", "", 1 << 16), features[0]);
        // characters, bigrams, trigrams and the word: each of its own kind
        assertEquals(3 + 2 + 1, HashedFeatures.of(text, 1 << 16, "cbt").length);
    }
}
