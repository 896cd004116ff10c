package io.kefu.qa.rank;

import java.util.List;
import java.util.Set;

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

    /** The features of candidate {@code d} for question {@code q}; {@code maxIdf} scales idf-valued features. */
    public static double[] extract(TextProfile q, TextProfile d, double maxIdf) {
        double sharedConcepts = q.concepts.sharedMass(d.concepts);
        double sharedNouns = q.nouns.sharedMass(d.nouns);
        double sharedGrams = q.grams.sharedMass(d.grams);
        List<String> qu = q.units;
        List<String> du = d.units;
        int longer = Math.max(1, Math.max(qu.size(), du.size()));
        int sharedBigrams = sharedBigrams(q, d);
        int bigramUnion = q.bigramCount + d.bigramCount - sharedBigrams;
        return new double[]{
                1.0,
                share(sharedConcepts, q.concepts.mass()), share(sharedConcepts, d.concepts.mass()),
                q.nouns.terms().length == 0 ? 1 : share(sharedNouns, q.nouns.mass()),
                d.nouns.terms().length == 0 ? 1 : share(sharedNouns, d.nouns.mass()),
                share(sharedGrams, q.grams.mass()), share(sharedGrams, d.grams.mass()),
                bigramUnion == 0 ? 0 : (double) sharedBigrams / bigramUnion,
                cover(q.pinyinBigrams, d.pinyinBigrams), cover(d.pinyinBigrams, q.pinyinBigrams),
                1.0 - (double) editDistance(qu, du) / longer,
                (double) longestCommonRun(qu, du) / longer,
                (double) commonSubsequence(qu, du) / longer,
                (double) Math.min(qu.size(), du.size()) / longer,
                q.text.negated() != d.text.negated() ? 1 : 0,
                numberMismatch(q.text.numbers(), d.text.numbers()),
                !q.text.questionType().isEmpty() && !d.text.questionType().isEmpty()
                        && !q.text.questionType().equals(d.text.questionType()) ? 1 : 0,
                q.concepts.maxMissing(d.concepts) / maxIdf,
                d.concepts.maxMissing(q.concepts) / maxIdf,
                Math.min(5, q.concepts.missingCount(d.concepts)) / 5.0,
                Math.min(5, d.concepts.missingCount(q.concepts)) / 5.0,
                q.compact.equals(d.compact) ? 1 : 0,
        };
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : Math.min(1, part / whole);
    }

    private static int sharedBigrams(TextProfile q, TextProfile d) {
        int shared = 0;
        for (String gram : q.grams.terms()) if (TextProfile.isBigram(gram) && d.grams.set().contains(gram)) shared++;
        return shared;
    }

    private static double cover(Set<String> from, Set<String> to) {
        if (from.isEmpty()) return 0;
        int covered = 0;
        for (String term : from) if (to.contains(term)) covered++;
        return (double) covered / from.size();
    }

    /** 1 when both mention numbers and they differ, 0.5 when only one does: 10086 and 10010 are not the same line. */
    private static double numberMismatch(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 0;
        if (a.isEmpty() || b.isEmpty()) return 0.5;
        return a.equals(b) ? 0 : 1;
    }

    static int editDistance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) previous[j] = j;
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    static int longestCommonRun(List<String> a, List<String> b) {
        int best = 0;
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = a.get(i - 1).equals(b.get(j - 1)) ? previous[j - 1] + 1 : 0;
                best = Math.max(best, current[j]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return best;
    }

    static int commonSubsequence(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = a.get(i - 1).equals(b.get(j - 1))
                        ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
