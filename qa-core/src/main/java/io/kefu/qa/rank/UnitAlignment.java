package io.kefu.qa.rank;

/**
 * How two texts' character sequences line up: edit distance, longest common run and longest common subsequence.
 *
 * <p>The three are the classic dynamic programmes over an m × n grid. Since a text keeps at most 64 units, one
 * column of each grid fits in the bits of a {@code long}, and a few word operations advance all three by a whole
 * column (bit-parallel algorithms): Myers' and Hyyrö's for the edit distance, Allison and Dix's for the common
 * subsequence, and one vector per run length for the common run. The ranker aligns a question with every
 * retrieved phrasing, up to 64 units each, so this is work done a hundred times per question.
 *
 * @param editDistance      insertions, deletions and substitutions that turn one sequence into the other
 * @param longestCommonRun  the longest stretch both contain unbroken
 * @param commonSubsequence the longest sequence both contain in order, gaps allowed
 */
record UnitAlignment(int editDistance, int longestCommonRun, int commonSubsequence) {

    /**
     * The common run's two columns of vectors, one pair per thread: allocating them for every pair was a third of
     * the chat server's allocation. Only the first {@code depth} entries are ever read, and each is written first.
     */
    private static final ThreadLocal<long[][]> RUN_COLUMNS = ThreadLocal.withInitial(() -> new long[2][Long.SIZE]);

    static UnitAlignment of(UnitPattern a, int[] b) {
        int m = a.length();
        if (m == 0 || b.length == 0) return new UnitAlignment(Math.max(m, b.length), 0, 0);
        long all = m == Long.SIZE ? -1L : (1L << m) - 1;
        long last = 1L << (m - 1);
        // edit distance: the column's vertical differences (+1 in positive, -1 in negative) and its last cell
        long positive = all;
        long negative = 0;
        int distance = m;
        // common subsequence: a zero bit wherever the column's value steps up
        long steps = all;
        // common run: runs[k] has the rows where a common run of k + 1 units ends in the previous column
        long[][] columns = RUN_COLUMNS.get();
        long[] runs = columns[0];
        long[] nextRuns = columns[1];
        int depth = 0;
        int longestRun = 0;
        for (int unit : b) {
            long equal = a.positionsOf(unit);

            long xv = equal | negative;
            long xh = (((equal & positive) + positive) ^ positive) | equal;
            long horizontalPositive = negative | ~(xh | positive);
            long horizontalNegative = positive & xh;
            if ((horizontalPositive & last) != 0) distance++;
            else if ((horizontalNegative & last) != 0) distance--;
            horizontalPositive = (horizontalPositive << 1) | 1; // row 0 grows by one per column: D[0][j] = j
            horizontalNegative <<= 1;
            positive = horizontalNegative | ~(xv | horizontalPositive);
            negative = horizontalPositive & xv;

            long matched = steps & equal;
            steps = (steps + matched) | (steps - matched);

            int nextDepth = 0;
            for (long run = equal; run != 0; ) {
                nextRuns[nextDepth++] = run;
                if (nextDepth > depth) break;
                run = equal & (runs[nextDepth - 1] << 1);
            }
            longestRun = Math.max(longestRun, nextDepth);
            long[] swap = runs;
            runs = nextRuns;
            nextRuns = swap;
            depth = nextDepth;
        }
        return new UnitAlignment(distance, longestRun, m - Long.bitCount(steps & all));
    }
}
