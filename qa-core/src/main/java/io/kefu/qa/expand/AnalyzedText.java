package io.kefu.qa.expand;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question (or a knowledge-base phrasing) in every form the later stages compare.
 *
 * @param text         the normalised text
 * @param words        every segmented word, in order
 * @param concepts     the content words (stop words removed) mapped to their synonym group's canonical word
 * @param nouns        the concepts that are nouns (names, places, products, domain words): what a question is about
 * @param grams        distinct character unigrams and bigrams (a run of letters or digits counts as one character);
 *                     a bigram is written {@code a_b}
 * @param pinyin       toneless pinyin syllable unigrams and bigrams, so 花费 meets 话费 and 款待 meets 宽带
 * @param units        the characters the grams were built from, in order ({@code " "} where the text had a gap)
 * @param syllables    the same units in toneless pinyin, position by position
 * @param numbers      the runs of digits, e.g. 10086
 * @param negated      whether a negation word occurs (不, 没, 未...)
 * @param questionType what kind of answer is asked for (how, how much, where, when, why, whether), or empty
 */
public record AnalyzedText(String text, List<String> words, Set<String> concepts, Set<String> nouns, Set<String> grams,
                           Set<String> pinyin, List<String> units, List<String> syllables, Set<String> numbers, boolean negated,
                           String questionType) {

    public AnalyzedText {
        words = List.copyOf(words);
        concepts = ordered(concepts);
        nouns = ordered(nouns);
        grams = ordered(grams);
        pinyin = ordered(pinyin);
        units = List.copyOf(units);
        syllables = List.copyOf(syllables);
        if (syllables.size() != units.size()) throw new IllegalArgumentException("one syllable per unit expected");
        numbers = ordered(numbers);
    }

    /** Keeps first-seen order, so that everything computed from these sets is the same on every run. */
    private static Set<String> ordered(Collection<String> items) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(items));
    }
}
