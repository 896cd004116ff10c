package io.kefu.qa.segment;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import io.kefu.qa.normalize.NormalizedText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Stage 2: splits normalised text into words with HanLP's dictionary-based Viterbi segmenter.
 *
 * <p>Person, place and organisation recognition are off: they tag service words such as 云闪付 as names. The domain
 * dictionary is a private {@link DynamicCustomDictionary} built from the given words, not HanLP's global one, so
 * the junk entries HanLP bundles never apply and no stale {@code .bin} cache can override the knowledge base.
 * Runs of letters and digits (5G, 10086, app) are merged back into one token after segmentation.
 */
public final class Segmenter {

    private static final String DOMAIN_NATURE = "nz";
    private static final int DOMAIN_FREQUENCY = 2048;

    private final Segment segment;
    private final Set<String> domainWords;

    public Segmenter(Collection<String> domainWords) {
        this.domainWords = Set.copyOf(domainWords);
        Segment viterbi = new ViterbiSegment()
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enableOffset(true);
        // without domain words no custom dictionary at all: never HanLP's bundled global one
        this.segment = this.domainWords.isEmpty() ? viterbi.enableCustomDictionary(false)
                : viterbi.enableCustomDictionary(privateDictionary(this.domainWords));
    }

    public List<Token> segment(NormalizedText text) {
        if (text.isEmpty()) return List.of();
        List<Term> terms = segment.seg(text.text());
        var tokens = new ArrayList<Token>(terms.size());
        int previousEnd = -1;
        for (Term term : terms) {
            String word = term.word.trim();
            if (word.isEmpty()) continue;
            Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            if (previous != null && isAlphanumeric(word) && isAlphanumeric(previous.word())
                    && term.offset == previousEnd) {
                tokens.set(tokens.size() - 1, new Token(previous.word() + word, "nx"));
            } else {
                tokens.add(new Token(word, term.nature == null ? "" : term.nature.toString()));
            }
            previousEnd = term.offset + term.word.length();
        }
        return repairBoundaries(tokens);
    }

    /**
     * HanLP only merges tokens into a custom word; it cannot move a boundary, so 怎么办理 stays 怎么办/理 even with
     * 办理 in the dictionary. Where the last character of one token and the next token form a domain word (or the
     * token and the first character of the next do), the character moves over.
     */
    private List<Token> repairBoundaries(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String a = tokens.get(i).word();
            String b = tokens.get(i + 1).word();
            if (a.length() >= 2 && !domainWords.contains(a) && domainWords.contains(a.charAt(a.length() - 1) + b)) {
                tokens.set(i, new Token(a.substring(0, a.length() - 1), tokens.get(i).nature()));
                tokens.set(i + 1, new Token(a.charAt(a.length() - 1) + b, DOMAIN_NATURE));
            } else if (b.length() >= 2 && !domainWords.contains(b) && domainWords.contains(a + b.charAt(0))) {
                tokens.set(i, new Token(a + b.charAt(0), DOMAIN_NATURE));
                tokens.set(i + 1, new Token(b.substring(1), tokens.get(i + 1).nature()));
            }
        }
        return tokens;
    }

    static boolean isAlphanumeric(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 128 || !Character.isLetterOrDigit(c)) return false;
        }
        return true;
    }

    /**
     * HanLP's dictionary only loads from files; writing the words to a throw-away directory keeps the whole
     * dictionary (and the cache HanLP writes beside it) private to this segmenter.
     */
    private static DynamicCustomDictionary privateDictionary(Collection<String> domainWords) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kefu-dict");
            Path file = dir.resolve("domain.txt");
            var lines = new ArrayList<String>();
            domainWords.stream().map(String::trim).filter(w -> !w.isEmpty() && !w.contains(" "))
                    .sorted().forEach(w -> lines.add(w + " " + DOMAIN_NATURE + " " + DOMAIN_FREQUENCY));
            Files.write(file, lines, StandardCharsets.UTF_8);
            return new DynamicCustomDictionary(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the segmenter's domain dictionary", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless; the dictionary is already in memory
        }
    }
}
