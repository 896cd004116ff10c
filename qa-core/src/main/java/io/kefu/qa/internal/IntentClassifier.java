package io.kefu.qa.internal;

import io.kefu.qa.intent.IntentFiles;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.normalize.TextNormalizer;

import java.nio.file.Path;
import java.util.List;

/** The intent templates of one file on their own (no built-in intents), the top hit taken as the prediction. */
public final class IntentClassifier {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final IntentMatcher matcher;

    private IntentClassifier(IntentMatcher matcher) {
        this.matcher = matcher;
    }

    /** The templates and dictionaries of one intents file. */
    public static IntentClassifier fromFile(Path templates) {
        return new IntentClassifier(IntentMatcher.compile(IntentFiles.fromFile(templates)));
    }

    /** The text as the pipeline normalises a question before it looks for templates. */
    public String normalize(String text) {
        return normalizer.normalize(text).text();
    }

    /** The intent of the best template hit in a {@link #normalize normalised} text; empty when none matches. */
    public String classify(String normalizedText) {
        List<IntentMatch> hits = matcher.match(normalizedText);
        return hits.isEmpty() ? "" : hits.get(0).intent();
    }

    /** How many concrete patterns the templates expand to. */
    public int patterns() {
        return matcher.patterns();
    }
}
