package io.kefu.qa.rank;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitAlignmentTest {

    private static UnitAlignment align(int[] a, int[] b) {
        return UnitAlignment.of(UnitPattern.of(a), b);
    }

    @Test
    void identicalSequencesAlignFully() {
        assertEquals(new UnitAlignment(0, 4, 4), align(new int[]{1, 2, 3, 4}, new int[]{1, 2, 3, 4}));
    }

    @Test
    void kittenToSittingTakesThreeEdits() {
        // k i t t e n → s i t t i n g: two substitutions and one insertion
        int[] kitten = {11, 9, 20, 20, 5, 14};
        int[] sitting = {19, 9, 20, 20, 9, 14, 7};
        UnitAlignment alignment = align(kitten, sitting);
        assertEquals(3, alignment.editDistance());
        assertEquals(3, alignment.longestCommonRun(), "i t t");
        assertEquals(4, alignment.commonSubsequence(), "i t t n");
    }

    @Test
    void aGapBreaksTheRunButNotTheSubsequence() {
        UnitAlignment alignment = align(new int[]{1, 2, 7, 3, 4}, new int[]{1, 2, 3, 4, 8});
        assertEquals(2, alignment.longestCommonRun());
        assertEquals(4, alignment.commonSubsequence());
        assertEquals(2, alignment.editDistance(), "delete 7, insert 8");
    }

    @Test
    void anEmptySideCostsTheOtherSidesLength() {
        assertEquals(new UnitAlignment(3, 0, 0), align(new int[0], new int[]{1, 2, 3}));
        assertEquals(new UnitAlignment(2, 0, 0), align(new int[]{1, 2}, new int[0]));
    }

    @Test
    void agreesWithTheTextbookDynamicProgrammesUpToSixtyFourUnits() {
        var random = new Random(20261122);
        for (int trial = 0; trial < 20_000; trial++) {
            int alphabet = 1 + random.nextInt(trial % 2 == 0 ? 4 : 30); // few symbols: long runs and many ties
            int[] a = random.ints(random.nextInt(UnitPattern.MAX_LENGTH + 1), -3, alphabet).toArray();
            int[] b = random.ints(random.nextInt(UnitPattern.MAX_LENGTH + 1), -3, alphabet).toArray();
            assertEquals(Textbook.align(a, b), align(a, b), () -> Arrays.toString(a) + " / " + Arrays.toString(b));
        }
    }

    @Test
    void patternsLongerThanAWordAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UnitPattern.of(new int[UnitPattern.MAX_LENGTH + 1]));
    }

    /** The full-grid definitions, one cell at a time. */
    private static final class Textbook {

        static UnitAlignment align(int[] a, int[] b) {
            int[][] edit = new int[a.length + 1][b.length + 1];
            int[][] run = new int[a.length + 1][b.length + 1];
            int[][] subsequence = new int[a.length + 1][b.length + 1];
            int longest = 0;
            for (int i = 0; i <= a.length; i++) edit[i][0] = i;
            for (int j = 0; j <= b.length; j++) edit[0][j] = j;
            for (int i = 1; i <= a.length; i++) {
                for (int j = 1; j <= b.length; j++) {
                    boolean same = a[i - 1] == b[j - 1];
                    edit[i][j] = Math.min(edit[i - 1][j - 1] + (same ? 0 : 1),
                            Math.min(edit[i - 1][j], edit[i][j - 1]) + 1);
                    run[i][j] = same ? run[i - 1][j - 1] + 1 : 0;
                    longest = Math.max(longest, run[i][j]);
                    subsequence[i][j] = same ? subsequence[i - 1][j - 1] + 1
                            : Math.max(subsequence[i - 1][j], subsequence[i][j - 1]);
                }
            }
            return new UnitAlignment(edit[a.length][b.length], longest, subsequence[a.length][b.length]);
        }
    }
}
