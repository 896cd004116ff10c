package io.kefu.qa.rank;

/**
 * What two texts' weighted terms have in common and what each lacks, from one merge of their sorted numbers.
 *
 * @param sharedMass            the idf mass of the terms both have
 * @param maxMissingFromFirst   the highest idf among the first text's terms that the second lacks
 * @param maxMissingFromSecond  the highest idf among the second text's terms that the first lacks
 * @param missingFromFirst      how many of the first text's terms the second lacks
 * @param missingFromSecond     how many of the second text's terms the first lacks
 */
record TermOverlap(double sharedMass, double maxMissingFromFirst, double maxMissingFromSecond,
                   int missingFromFirst, int missingFromSecond) {

    static TermOverlap of(TextProfile.WeightedTerms first, TextProfile.WeightedTerms second) {
        int[] a = first.ids();
        int[] b = second.ids();
        double shared = 0;
        double maxMissingA = 0;
        double maxMissingB = 0;
        int missingA = 0;
        int missingB = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || i < a.length && a[i] < b[j]) {
                missingA++;
                maxMissingA = Math.max(maxMissingA, first.idf()[i++]);
            } else if (i == a.length || b[j] < a[i]) {
                missingB++;
                maxMissingB = Math.max(maxMissingB, second.idf()[j++]);
            } else {
                shared += first.idf()[i++];
                j++;
            }
        }
        return new TermOverlap(shared, maxMissingA, maxMissingB, missingA, missingB);
    }

    /**
     * The idf mass of the terms both have: {@link #of}'s first number alone. Nouns and grams need nothing else, and
     * grams are the largest sets; the ranking stage ran about 12 % slower with {@code of(...).sharedMass()} there.
     */
    static double sharedMass(TextProfile.WeightedTerms first, TextProfile.WeightedTerms second) {
        int[] a = first.ids();
        int[] b = second.ids();
        double shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                shared += first.idf()[i++];
                j++;
            }
        }
        return shared;
    }
}
