package io.kefu.qa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads a {@link Lexicon} from the three plain-text files of a knowledge directory: {@code dictionary.txt} (one
 * domain word per line), {@code synonyms.txt} (one group per line, words separated by spaces, canonical word
 * first) and {@code stopwords.txt}. Lines starting with {@code #} are comments; a missing file is an empty list.
 */
final class LexiconFiles {

    static final String DICTIONARY = "dictionary.txt";
    static final String SYNONYMS = "synonyms.txt";
    static final String STOP_WORDS = "stopwords.txt";

    private LexiconFiles() {
    }

    static Lexicon read(ContentSource source) {
        List<String> dictionary = lines(source.open(DICTIONARY));
        List<List<String>> synonyms = lines(source.open(SYNONYMS)).stream()
                .map(line -> Arrays.stream(line.split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList())
                .filter(group -> group.size() > 1)
                .toList();
        List<String> stopWords = lines(source.open(STOP_WORDS));
        var domainWords = new LinkedHashSet<>(dictionary);
        synonyms.forEach(domainWords::addAll); // a synonym must be one token to be recognised as one
        return new Lexicon(domainWords, synonyms, new LinkedHashSet<>(stopWords));
    }

    private static List<String> lines(InputStream in) {
        if (in == null) return List.of();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var out = new ArrayList<String>();
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) out.add(trimmed);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
