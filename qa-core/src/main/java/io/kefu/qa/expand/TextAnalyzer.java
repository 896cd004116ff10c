package io.kefu.qa.expand;

import io.kefu.qa.Lexicon;
import io.kefu.qa.normalize.NormalizedText;
import io.kefu.qa.normalize.TextNormalizer;
import io.kefu.qa.segment.Segmenter;
import io.kefu.qa.segment.Token;

import java.util.List;

/**
 * The first three stages (normalise, segment, expand) bundled, because the knowledge base's phrasings must go
 * through exactly the same steps as the customer's question for the two to be comparable.
 */
public final class TextAnalyzer {

    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final QueryExpander expander;

    public TextAnalyzer(Lexicon lexicon) {
        this.normalizer = new TextNormalizer();
        this.segmenter = new Segmenter(lexicon.domainWords());
        this.expander = new QueryExpander(lexicon.canonicalForms(), new StopWords(lexicon.stopWords()));
    }

    public AnalyzedText analyze(String raw) {
        return analyze(normalize(raw));
    }

    /** The first stage alone: intent templates are matched in the normalised text. */
    public NormalizedText normalize(String raw) {
        return normalizer.normalize(raw);
    }

    /** Segments and expands a text this analyser has normalised. */
    public AnalyzedText analyze(NormalizedText normalized) {
        List<Token> tokens = segmenter.segment(normalized);
        return expander.expand(normalized, tokens);
    }
}
