package io.kefu.qa.rank;

import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.TermStatistics;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * An analysed text with its terms numbered and their corpus weights looked up once. {@link PhrasingProfiles} keeps
 * one per indexed phrasing and the ranker makes one per question, so comparing a question with a hundred phrasings compares
 * sorted arrays of numbers, with no hashing and no repeated look-ups.
 *
 * <p>Terms come from {@link TermStatistics#termId}. A term the index does not hold (a customer's new word) gets a
 * negative number of this profile's own; two profiles that both have such numbers are {@link #alignedWith aligned}
 * before they are compared, so equal terms always have equal numbers.
 */
final class TextProfile {

    private static final String GAP = " ";

    final AnalyzedText text;
    final WeightedTerms concepts;
    final WeightedTerms nouns;
    final WeightedTerms grams;
    /** The grams that are bigrams, sorted. */
    final int[] bigrams;
    /** The pinyin bigrams, sorted. */
    final int[] pinyinBigrams;
    /** The characters in order, gaps left out, at most {@link UnitPattern#MAX_LENGTH}. */
    final int[] units;
    /**
     * {@link #units} laid out for alignment, made on first use: only a question's profile is aligned with others,
     * so the index's profiles never need one. Immutable, so threads racing to make it may each keep their own.
     */
    private UnitPattern unitPattern;
    final String compact;
    /** Read from the text once, so comparing needs no trip through it. */
    final boolean negated;
    final String questionType;
    /** The text's numbers, sorted and joined: equal exactly when the number sets are. */
    final String numbers;
    private final TermStatistics statistics;
    /** The numbers given to terms the index does not hold. */
    private final Map<String, Integer> unknown;

    private TextProfile(AnalyzedText text, TermStatistics statistics, Map<String, Integer> knownUnknowns) {
        this.text = text;
        this.statistics = statistics;
        this.unknown = new HashMap<>(knownUnknowns);
        this.concepts = weighted(text.concepts(), statistics::conceptIdf);
        this.nouns = weighted(text.nouns(), statistics::conceptIdf);
        this.grams = weighted(text.grams(), statistics::gramIdf);
        this.bigrams = sortedIds(text.grams().stream().filter(TextProfile::isBigram).toList());
        this.pinyinBigrams = sortedIds(text.pinyin().stream().filter(TextProfile::isBigram).toList());
        List<String> kept = text.units().stream().filter(u -> !u.equals(GAP)).toList();
        if (kept.size() > UnitPattern.MAX_LENGTH) kept = kept.subList(0, UnitPattern.MAX_LENGTH);
        this.units = kept.stream().mapToInt(this::id).toArray();
        this.compact = String.join("", kept);
        this.negated = text.negated();
        this.questionType = text.questionType();
        this.numbers = String.join(",", new TreeSet<>(text.numbers()));
    }

    static TextProfile of(AnalyzedText text, TermStatistics statistics) {
        return new TextProfile(text, statistics, Map.of());
    }

    UnitPattern unitPattern() {
        UnitPattern pattern = unitPattern;
        if (pattern == null) unitPattern = pattern = UnitPattern.of(units);
        return pattern;
    }

    static boolean isBigram(String gram) {
        return gram.indexOf('_') >= 0;
    }

    /**
     * This profile, numbered so that it can be compared with {@code other}: itself unless both have terms the index
     * does not hold, which could otherwise share a number by chance or differ in number though equal.
     */
    TextProfile alignedWith(TextProfile other) {
        if (other.statistics != statistics) {
            throw new IllegalArgumentException("profiles made with different term statistics cannot be compared");
        }
        return unknown.isEmpty() || other.unknown.isEmpty() ? this : new TextProfile(text, statistics, other.unknown);
    }

    private int id(String term) {
        int id = statistics.termId(term);
        return id >= 0 ? id : unknown.computeIfAbsent(term, t -> -1 - unknown.size());
    }

    private int[] sortedIds(Collection<String> terms) {
        return SortedNumbers.distinct(terms.stream().mapToInt(this::id).toArray());
    }

    private WeightedTerms weighted(Collection<String> terms, ToDoubleFunction<String> idfOf) {
        int n = terms.size();
        long[] idAndPosition = new long[n];
        float[] idfInTextOrder = new float[n];
        double mass = 0;
        int position = 0;
        for (String term : terms) {
            idfInTextOrder[position] = (float) idfOf.applyAsDouble(term);
            mass += idfInTextOrder[position]; // in the text's order, as always
            idAndPosition[position] = ((long) id(term) << 32) | position; // sorts by id, then carries the position
            position++;
        }
        Arrays.sort(idAndPosition);
        int[] ids = new int[n];
        float[] idf = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (int) (idAndPosition[i] >> 32);
            idf[i] = idfInTextOrder[(int) idAndPosition[i]];
        }
        return new WeightedTerms(ids, idf, mass);
    }

    /** Distinct terms as sorted numbers, with their idf, and the sum of those idfs. */
    record WeightedTerms(int[] ids, float[] idf, double mass) {

        boolean isEmpty() {
            return ids.length == 0;
        }
    }
}
