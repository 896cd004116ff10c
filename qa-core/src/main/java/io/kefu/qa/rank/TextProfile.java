package io.kefu.qa.rank;

import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.TermStatistics;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * An analysed text with the corpus weights of its terms looked up once. The index keeps one per phrasing and the
 * pipeline makes one per question, so comparing a question with thirty candidates does no repeated look-ups.
 */
public final class TextProfile {

    private static final int MAX_UNITS = 64;

    final AnalyzedText text;
    final WeightedTerms concepts;
    final WeightedTerms nouns;
    final WeightedTerms grams;
    final Set<String> pinyinBigrams;
    final int bigramCount;
    final List<String> units;
    final String compact;

    private TextProfile(AnalyzedText text, TermStatistics stats) {
        this.text = text;
        this.concepts = WeightedTerms.of(text.concepts(), stats::conceptIdf);
        this.nouns = WeightedTerms.of(text.nouns(), stats::conceptIdf);
        this.grams = WeightedTerms.of(text.grams(), stats::gramIdf);
        this.pinyinBigrams = Set.copyOf(text.pinyin().stream().filter(TextProfile::isBigram).toList());
        this.bigramCount = (int) text.grams().stream().filter(TextProfile::isBigram).count();
        List<String> kept = text.units().stream().filter(u -> !u.equals(" ")).toList();
        this.units = kept.size() > MAX_UNITS ? kept.subList(0, MAX_UNITS) : kept;
        this.compact = String.join("", units);
    }

    public static TextProfile of(AnalyzedText text, TermStatistics stats) {
        return new TextProfile(text, stats);
    }

    public AnalyzedText text() {
        return text;
    }

    static boolean isBigram(String gram) {
        return gram.indexOf('_') >= 0;
    }

    /** Distinct terms with their idf and the sum of those idfs. */
    record WeightedTerms(String[] terms, float[] idf, Set<String> set, double mass) {

        static WeightedTerms of(Set<String> terms, ToDoubleFunction<String> idfOf) {
            String[] array = terms.toArray(String[]::new);
            float[] weights = new float[array.length];
            double mass = 0;
            for (int i = 0; i < array.length; i++) {
                weights[i] = (float) idfOf.applyAsDouble(array[i]);
                mass += weights[i];
            }
            return new WeightedTerms(array, weights, terms, mass);
        }

        /** The idf mass of the terms both texts share. */
        double sharedMass(WeightedTerms other) {
            double shared = 0;
            for (int i = 0; i < terms.length; i++) if (other.set.contains(terms[i])) shared += idf[i];
            return shared;
        }

        /** The highest idf among this text's terms that the other text lacks. */
        double maxMissing(WeightedTerms other) {
            double max = 0;
            for (int i = 0; i < terms.length; i++) if (!other.set.contains(terms[i])) max = Math.max(max, idf[i]);
            return max;
        }

        int missingCount(WeightedTerms other) {
            int missing = 0;
            for (String term : terms) if (!other.set.contains(term)) missing++;
            return missing;
        }
    }
}
