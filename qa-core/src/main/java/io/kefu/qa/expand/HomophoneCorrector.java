package io.kefu.qa.expand;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces a word the knowledge base has never seen by a knowledge-base word that sounds the same (款待 → 宽带,
 * 花费 → 话费, 流浪 → 流量), because customers type pinyin and pick the wrong character. Only words of two or
 * more Chinese characters are corrected: single characters have too many homophones to guess.
 */
public final class HomophoneCorrector {

    private final Set<String> known;
    private final Map<String, String> wordBySound;

    private HomophoneCorrector(Set<String> known, Map<String, String> wordBySound) {
        this.known = known;
        this.wordBySound = wordBySound;
    }

    /**
     * @param vocabulary the concepts of the knowledge base, most frequent first (the first of a sound wins); a
     *                   concept of the vocabulary is never corrected
     */
    public static HomophoneCorrector of(Collection<String> vocabulary) {
        var bySound = new HashMap<String, String>();
        for (String word : vocabulary) {
            if (isChineseWord(word)) bySound.putIfAbsent(sound(word), word);
        }
        return new HomophoneCorrector(Set.copyOf(vocabulary), Map.copyOf(bySound));
    }

    /** The text with every unknown concept that has a known homophone replaced by it; the same text otherwise. */
    public AnalyzedText correct(AnalyzedText text) {
        Set<String> concepts = text.concepts();
        Map<String, String> replacements = null;
        for (String concept : concepts) {
            if (known.contains(concept) || !isChineseWord(concept)) continue;
            String match = wordBySound.get(sound(concept));
            if (match == null) continue;
            if (replacements == null) replacements = new HashMap<>();
            replacements.put(concept, match);
        }
        if (replacements == null) return text;
        return new AnalyzedText(text.text(), text.words(), replace(concepts, replacements),
                replace(text.nouns(), replacements), text.grams(), text.pinyin(), text.units(), text.syllables(),
                text.numbers(), text.negated(), text.questionType());
    }

    private static Set<String> replace(Set<String> words, Map<String, String> replacements) {
        var out = new LinkedHashSet<String>();
        for (String word : words) out.add(replacements.getOrDefault(word, word));
        return out;
    }

    private static String sound(String word) {
        List<Pinyin> readings = HanLP.convertToPinyinList(word);
        var key = new StringBuilder();
        for (Pinyin reading : readings) key.append(reading.getPinyinWithoutTone()).append(' ');
        return key.toString();
    }

    private static boolean isChineseWord(String word) {
        if (word.length() < 2) return false;
        for (int i = 0; i < word.length(); i++) if (word.charAt(i) < 0x4E00 || word.charAt(i) > 0x9FFF) return false;
        return true;
    }
}
