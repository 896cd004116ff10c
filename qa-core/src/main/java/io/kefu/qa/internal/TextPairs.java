package io.kefu.qa.internal;

import io.kefu.qa.Lexicon;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.TermStatistics;
import io.kefu.qa.rank.PairFeatures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The ranker's features of text pairs that belong to no knowledge base (the pair benchmarks, training pairs). Term
 * weights come from the corpus it is given, each distinct text one document, standing in for the knowledge base a
 * pair has no part of. Not thread-safe: it remembers every text it has analysed.
 */
public final class TextPairs {

    private final TextAnalyzer analyzer;
    private final Map<String, AnalyzedText> analyzed = new HashMap<>();
    private final TermStatistics statistics;

    private TextPairs(TextAnalyzer analyzer, List<String> corpus) {
        this.analyzer = analyzer;
        var documents = new ArrayList<List<AnalyzedText>>();
        var seen = new HashSet<String>();
        for (String text : corpus) {
            if (seen.add(text)) documents.add(List.of(analyze(text)));
        }
        this.statistics = TermStatistics.of(documents);
    }

    /** @param corpus the texts term weights are counted over, in order; a repeated text counts once */
    public static TextPairs over(Lexicon lexicon, List<String> corpus) {
        return new TextPairs(new TextAnalyzer(lexicon), corpus);
    }

    /** The features of {@code other} for {@code question}, named by {@link #featureNames()}. */
    public double[] features(String question, String other) {
        return PairFeatures.between(analyze(question), analyze(other), statistics);
    }

    public static List<String> featureNames() {
        return PairFeatures.NAMES;
    }

    private AnalyzedText analyze(String text) {
        return analyzed.computeIfAbsent(text, analyzer::analyze);
    }
}
