package io.kefu.qa.rank;

import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.TermStatistics;

import java.util.List;

/**
 * Describes how alike two texts are as a fixed vector of numbers in [0,1], symmetric where it can be and asymmetric
 * where direction matters (a short question fully contained in a long one is not the same as the reverse). Every
 * feature depends only on the two texts and corpus statistics, so the same vector serves FAQ ranking and the
 * pair benchmarks, and a model learned on pairs applies to retrieval.
 */
public final class PairFeatures {

    public static final List<String> NAMES = List.of(
            "bias",
            "concept_cover_q", "concept_cover_d", "noun_cover_q", "noun_cover_d", "gram_cover_q", "gram_cover_d",
            "bigram_jaccard", "pinyin_cover_q", "pinyin_cover_d",
            "edit_similarity", "longest_common_run", "common_subsequence", "length_ratio",
            "negation_mismatch", "number_mismatch", "question_type_mismatch",
            "max_missing_idf_q", "max_missing_idf_d", "missing_count_q", "missing_count_d",
            "exact");

    private PairFeatures() {
    }

    /**
     * The features of text {@code d} for question {@code q}, with term weights from {@code statistics}: what the
     * ranker computes for a question and a phrasing, for pairs that belong to no index (the evaluator's pair
     * benchmarks and training examples).
     */
    public static double[] between(AnalyzedText q, AnalyzedText d, TermStatistics statistics) {
        return extract(TextProfile.of(q, statistics), TextProfile.of(d, statistics), statistics.maxIdf());
    }

    /** The features of candidate {@code d} for question {@code q}; {@code maxIdf} scales idf-valued features. */
    static double[] extract(TextProfile q, TextProfile candidate, double maxIdf) {
        return extract(q, candidate, maxIdf, new double[NAMES.size()]);
    }

    /**
     * {@link #extract(TextProfile, TextProfile, double)} into {@code into} (of {@link #NAMES}' size), which it
     * returns: the ranker scores a hundred pairs per question and needs each vector only until the model has read it.
     */
    static double[] extract(TextProfile q, TextProfile candidate, double maxIdf, double[] into) {
        TextProfile d = candidate.alignedWith(q);
        TermOverlap concepts = TermOverlap.of(q.concepts, d.concepts);
        double sharedNouns = TermOverlap.sharedMass(q.nouns, d.nouns);
        double sharedGrams = TermOverlap.sharedMass(q.grams, d.grams);
        UnitAlignment alignment = UnitAlignment.of(q.unitPattern(), d.units);
        int longer = Math.max(1, Math.max(q.units.length, d.units.length));
        int sharedBigrams = SortedNumbers.shared(q.bigrams, d.bigrams);
        int bigramUnion = q.bigrams.length + d.bigrams.length - sharedBigrams;
        int sharedPinyin = SortedNumbers.shared(q.pinyinBigrams, d.pinyinBigrams);
        into[0] = 1.0;
        into[1] = share(concepts.sharedMass(), q.concepts.mass());
        into[2] = share(concepts.sharedMass(), d.concepts.mass());
        into[3] = q.nouns.isEmpty() ? 1 : share(sharedNouns, q.nouns.mass());
        into[4] = d.nouns.isEmpty() ? 1 : share(sharedNouns, d.nouns.mass());
        into[5] = share(sharedGrams, q.grams.mass());
        into[6] = share(sharedGrams, d.grams.mass());
        into[7] = bigramUnion == 0 ? 0 : (double) sharedBigrams / bigramUnion;
        into[8] = cover(sharedPinyin, q.pinyinBigrams);
        into[9] = cover(sharedPinyin, d.pinyinBigrams);
        into[10] = 1.0 - (double) alignment.editDistance() / longer;
        into[11] = (double) alignment.longestCommonRun() / longer;
        into[12] = (double) alignment.commonSubsequence() / longer;
        into[13] = (double) Math.min(q.units.length, d.units.length) / longer;
        into[14] = q.negated != d.negated ? 1 : 0;
        into[15] = numberMismatch(q.numbers, d.numbers);
        into[16] = !q.questionType.isEmpty() && !d.questionType.isEmpty() && !q.questionType.equals(d.questionType) ? 1 : 0;
        into[17] = concepts.maxMissingFromFirst() / maxIdf;
        into[18] = concepts.maxMissingFromSecond() / maxIdf;
        into[19] = Math.min(5, concepts.missingFromFirst()) / 5.0;
        into[20] = Math.min(5, concepts.missingFromSecond()) / 5.0;
        into[21] = q.compact.equals(d.compact) ? 1 : 0;
        return into;
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : Math.min(1, part / whole);
    }

    /** The share of {@code terms} that the other text has too, given how many they share. */
    private static double cover(int shared, int[] terms) {
        return terms.length == 0 ? 0 : (double) shared / terms.length;
    }

    /**
     * 1 when both mention numbers and they differ, 0.5 when only one does: 10086 and 10010 are not the same line.
     * The arguments are {@link TextProfile#numbers}: sorted, joined, empty for none.
     */
    private static double numberMismatch(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) return 0;
        if (a.isEmpty() || b.isEmpty()) return 0.5;
        return a.equals(b) ? 0 : 1;
    }
}
