package io.kefu.qa.knowledge;

import io.kefu.qa.Lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a {@link Lexicon} from the three plain-text files of a knowledge directory: {@code dictionary.txt} (one
 * domain word per line), {@code synonyms.txt} (one group per line, words separated by spaces, canonical word
 * first) and {@code stopwords.txt}. Lines starting with {@code #} are comments; a missing file is an empty list.
 */
public final class LexiconFiles {

    public static final String DICTIONARY = "dictionary.txt";
    public static final String SYNONYMS = "synonyms.txt";
    public static final String STOP_WORDS = "stopwords.txt";

    private LexiconFiles() {
    }

    /** From a directory on disk, e.g. {@code knowledge/src/main/resources/knowledge}. */
    public static Lexicon fromDirectory(Path dir) {
        return read(name -> {
            Path file = dir.resolve(name);
            try {
                return Files.exists(file) ? Files.newInputStream(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }

    /** From the classpath, e.g. {@code knowledge/} inside the knowledge module's jar. */
    public static Lexicon fromClasspath(String prefix, ClassLoader loader) {
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        return read(name -> loader.getResourceAsStream(base + name));
    }

    private static Lexicon read(Function<String, InputStream> open) {
        List<String> dictionary = lines(open.apply(DICTIONARY));
        List<List<String>> synonyms = lines(open.apply(SYNONYMS)).stream()
                .map(line -> Arrays.stream(line.split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList())
                .filter(group -> group.size() > 1)
                .toList();
        List<String> stopWords = lines(open.apply(STOP_WORDS));
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
