package io.kefu.qa.expand;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import io.kefu.qa.normalize.NormalizedText;
import io.kefu.qa.segment.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 3: adds the forms that let differently worded questions meet: synonym-canonical concepts from the knowledge
 * base's own synonym groups (HanLP's CoreSynonym thesaurus is not used: it rates 手机 and 香蕉 0.98 alike), character
 * n-grams for when segmentation differs, and pinyin for homophone typos.
 */
final class QueryExpander {

    private static final Set<String> NEGATIONS = Set.of("不", "没", "没有", "未", "别", "无", "非", "不能", "无法", "没法", "不了");
    private static final Map<String, String> QUESTION_TYPES = Map.ofEntries(
            Map.entry("多少", "amount"), Map.entry("几", "amount"), Map.entry("多少钱", "amount"),
            Map.entry("哪", "where"), Map.entry("哪里", "where"), Map.entry("哪儿", "where"), Map.entry("在哪", "where"),
            Map.entry("什么时候", "when"), Map.entry("多久", "when"), Map.entry("何时", "when"), Map.entry("几点", "when"),
            Map.entry("为什么", "why"), Map.entry("为啥", "why"), Map.entry("怎么回事", "why"),
            Map.entry("怎么", "how"), Map.entry("怎样", "how"), Map.entry("如何", "how"), Map.entry("怎么办", "how"),
            Map.entry("吗", "whether"), Map.entry("是否", "whether"), Map.entry("能否", "whether"),
            Map.entry("能不能", "whether"), Map.entry("可不可以", "whether"), Map.entry("有没有", "whether"));

    private final Map<String, String> canonical;
    private final StopWords stopWords;

    QueryExpander(Map<String, String> canonicalForms, StopWords stopWords) {
        this.canonical = Map.copyOf(canonicalForms);
        this.stopWords = stopWords;
    }

    AnalyzedText expand(NormalizedText text, List<Token> tokens) {
        var words = new ArrayList<String>(tokens.size());
        var concepts = new LinkedHashSet<String>();
        var nouns = new LinkedHashSet<String>();
        var numbers = new LinkedHashSet<String>();
        boolean negated = false;
        String questionType = "";
        for (Token token : tokens) {
            String word = token.word();
            words.add(word);
            if (NEGATIONS.contains(word)) negated = true;
            if (questionType.isEmpty()) questionType = QUESTION_TYPES.getOrDefault(word, "");
            if (isDigits(word)) numbers.add(word);
            if (stopWords.isStopWord(word)) continue;
            String concept = canonical.getOrDefault(word, word);
            concepts.add(concept);
            if (isNounLike(token)) nouns.add(concept);
        }
        List<String> units = units(text.text());
        List<String> syllables = syllables(text.text());
        return new AnalyzedText(text.text(), words, concepts, nouns, new LinkedHashSet<>(unigramsAndBigrams(units)),
                new LinkedHashSet<>(unigramsAndBigrams(syllables)), units, syllables, numbers, negated, questionType);
    }

    /** Splits text into CJK characters and whole runs of letters/digits; a space is kept as a separator unit. */
    static List<String> units(String text) {
        return split(text, null);
    }

    /**
     * The same units spelled in toneless pinyin. The whole text is converted at once so that HanLP picks the reading
     * of a polyphonic character from its word (银行 hang, 行李 xing).
     */
    private static List<String> syllables(String text) {
        return split(text, HanLP.convertToPinyinList(text));
    }

    private static List<String> split(String text, List<Pinyin> pinyin) {
        var units = new ArrayList<String>(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                units.add(" ");
                i++;
            } else if (c < 128) {
                int start = i;
                while (i < text.length() && text.charAt(i) < 128 && text.charAt(i) != ' ') i++;
                units.add(text.substring(start, i));
            } else {
                int width = Character.charCount(text.codePointAt(i));
                String unit = text.substring(i, i + width);
                Pinyin reading = pinyin != null && i < pinyin.size() ? pinyin.get(i) : Pinyin.none5;
                units.add(pinyin == null || reading == Pinyin.none5 ? unit : reading.getPinyinWithoutTone());
                i += width;
            }
        }
        return units;
    }

    private static List<String> unigramsAndBigrams(List<String> units) {
        var out = new ArrayList<String>(units.size() * 2);
        String previous = null;
        for (String unit : units) {
            if (unit.equals(" ")) {
                previous = null;
                continue;
            }
            out.add(unit);
            if (previous != null) out.add(previous + "_" + unit);
            previous = unit;
        }
        return out;
    }

    /** Nouns of every kind (n, nr, ns, nz, nx...), numbers and letter runs such as 5g or app. */
    private static boolean isNounLike(Token token) {
        String nature = token.nature();
        return nature.startsWith("n") || nature.equals("m") || nature.equals("vn");
    }

    private static boolean isDigits(String word) {
        if (word.isEmpty()) return false;
        for (int i = 0; i < word.length(); i++) if (!Character.isDigit(word.charAt(i))) return false;
        return true;
    }
}
