package io.kefu.qa.rank;

import java.util.Arrays;

/**
 * A sequence of at most 64 units (numbered characters) laid out for bit-parallel comparison: for each distinct unit,
 * the positions where it occurs, as the bits of one {@code long}. A question's pattern is made once and then
 * {@link UnitAlignment aligned} with every candidate phrasing.
 */
final class UnitPattern {

    static final int MAX_LENGTH = Long.SIZE;

    private final int length;
    /** The distinct units, sorted. */
    private final int[] units;
    /** For each of {@link #units}, the positions where it occurs. */
    private final long[] positions;

    private UnitPattern(int length, int[] units, long[] positions) {
        this.length = length;
        this.units = units;
        this.positions = positions;
    }

    static UnitPattern of(int[] sequence) {
        if (sequence.length > MAX_LENGTH) {
            throw new IllegalArgumentException("at most " + MAX_LENGTH + " units, got " + sequence.length);
        }
        int[] distinct = SortedNumbers.distinct(sequence.clone());
        long[] positions = new long[distinct.length];
        for (int i = 0; i < sequence.length; i++) positions[Arrays.binarySearch(distinct, sequence[i])] |= 1L << i;
        return new UnitPattern(sequence.length, distinct, positions);
    }

    int length() {
        return length;
    }

    /** Bit {@code i} is set when the unit at position {@code i} is {@code unit}. */
    long positionsOf(int unit) {
        int k = Arrays.binarySearch(units, unit);
        return k >= 0 ? positions[k] : 0;
    }
}
