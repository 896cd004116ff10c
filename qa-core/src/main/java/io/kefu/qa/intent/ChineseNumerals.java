package io.kefu.qa.intent;

/**
 * Reads numbers written in Chinese characters as customers type them: 五十, 十五, 一百零五, 两百, 三千五 (3500),
 * 一万二 (12000). Strings of bare digits such as 一二三 are not numbers in this sense and are refused.
 */
final class ChineseNumerals {

    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final int[] DIGIT_VALUES = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final String UNITS = "十百千";
    private static final String BIG_UNITS = "万亿";

    private ChineseNumerals() {
    }

    static boolean isNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || UNITS.indexOf(c) >= 0 || BIG_UNITS.indexOf(c) >= 0;
    }

    /** The value, or -1 when the text is not one well-formed number. */
    static long parse(CharSequence text) {
        if (text.isEmpty()) return -1;
        long total = 0;
        long section = 0;
        long lastUnit = 0;
        long lastBigUnit = 0;
        int digit = -1;
        boolean afterZero = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = DIGITS.indexOf(c);
            int unit = UNITS.indexOf(c);
            int big = BIG_UNITS.indexOf(c);
            if (d >= 0) {
                if (digit >= 0) return -1;
                if (DIGIT_VALUES[d] == 0) {
                    afterZero = true;
                } else {
                    digit = DIGIT_VALUES[d];
                }
            } else if (unit >= 0) {
                long value = (long) Math.pow(10, unit + 1);
                if (digit < 0) {
                    if (value != 10 || section != 0 || afterZero && total == 0) return -1;
                    digit = 1; // 十五 is 15
                }
                if (lastUnit != 0 && value >= lastUnit) return -1;
                section += digit * value;
                lastUnit = value;
                digit = -1;
                afterZero = false;
            } else if (big >= 0) {
                long value = big == 0 ? 10_000L : 100_000_000L;
                if (digit >= 0) section += digit;
                if (section == 0 || (lastBigUnit != 0 && value >= lastBigUnit)) return -1;
                total += section * value;
                lastBigUnit = value;
                section = 0;
                lastUnit = 0;
                digit = -1;
                afterZero = false;
            } else {
                return -1;
            }
        }
        if (digit >= 0) {
            // 一百五 is 150 and 一万二 is 12000: a trailing digit right after a unit counts in the next unit down
            if (!afterZero && lastUnit >= 100) section += digit * lastUnit / 10;
            else if (!afterZero && lastUnit == 0 && lastBigUnit != 0) section += digit * lastBigUnit / 10;
            else section += digit;
        }
        return total + section;
    }
}
