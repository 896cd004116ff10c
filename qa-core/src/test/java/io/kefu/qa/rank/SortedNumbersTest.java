package io.kefu.qa.rank;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SortedNumbersTest {

    @Test
    void distinctSortsAndDropsRepeats() {
        assertArrayEquals(new int[]{-2, 1, 3, 7}, SortedNumbers.distinct(new int[]{7, 1, 3, -2, 7, 1}));
        assertArrayEquals(new int[0], SortedNumbers.distinct(new int[0]));
    }

    @Test
    void sharedCountsTheCommonNumbers() {
        assertEquals(2, SortedNumbers.shared(new int[]{-3, 1, 4, 9}, new int[]{1, 2, 9, 12}));
        assertEquals(0, SortedNumbers.shared(new int[]{1, 2}, new int[]{3, 4}));
        assertEquals(0, SortedNumbers.shared(new int[0], new int[]{3}));
    }
}
