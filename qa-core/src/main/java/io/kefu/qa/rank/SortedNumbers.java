package io.kefu.qa.rank;

import java.util.Arrays;

/** Sets of term numbers kept as sorted arrays of distinct numbers: cheap to store, compared by merging. */
final class SortedNumbers {

    private SortedNumbers() {
    }

    /** Sorts {@code numbers} in place and returns its distinct values, in order. */
    static int[] distinct(int[] numbers) {
        Arrays.sort(numbers);
        int kept = 0;
        for (int i = 0; i < numbers.length; i++) {
            if (i == 0 || numbers[i] != numbers[kept - 1]) numbers[kept++] = numbers[i];
        }
        return kept == numbers.length ? numbers : Arrays.copyOf(numbers, kept);
    }

    /** How many numbers two sorted arrays of distinct numbers share. */
    static int shared(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                shared++;
                i++;
                j++;
            }
        }
        return shared;
    }
}
