package io.kefu.qa.internal;

import io.kefu.qa.Lexicon;
import io.kefu.qa.embed.HashedFeatures;
import io.kefu.qa.expand.TextAnalyzer;

/**
 * A text's hashed features as the semantic model's encoder reads them, analysed exactly as the pipeline analyses a
 * question: what the trainer learns the encoder's rows from.
 */
public final class QuestionFeatures {

    private final TextAnalyzer analyzer;
    private final int buckets;
    private final String kinds;

    private QuestionFeatures(TextAnalyzer analyzer, int buckets, String kinds) {
        this.analyzer = analyzer;
        this.buckets = buckets;
        this.kinds = kinds;
    }

    /** @param kinds the kinds of features, as {@link HashedFeatures#of(io.kefu.qa.expand.AnalyzedText, int, String)} */
    public static QuestionFeatures of(Lexicon lexicon, int buckets, String kinds) {
        return new QuestionFeatures(new TextAnalyzer(lexicon), buckets, kinds);
    }

    /** The buckets of a text's features, repeats included. Thread-safe. */
    public int[] of(String text) {
        return HashedFeatures.of(analyzer.analyze(text), buckets, kinds);
    }
}
