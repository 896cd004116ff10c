package io.kefu.qa.intent;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sums of money: a number in digits or Chinese numerals followed by 元, 块, 块钱 or 圆, e.g. 充100元, 五十块钱. The
 * canonical value is a plain decimal ({@code 50}). The normaliser turns a decimal point into a space, so "100.5元"
 * reaches this scanner as "100 5元" and is read as 5; a caller that needs decimals passes the text un-normalised.
 */
final class AmountScanner implements SlotScanner {

    /** Longest first, so that 块钱 wins over 块. */
    private static final List<String> UNITS = List.of("块钱", "元钱", "块", "元", "圆");

    @Override
    public List<String> types() {
        return List.of(SlotTypes.AMOUNT);
    }

    @Override
    public void scan(String text, List<Recognition> out) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '块' && c != '元' && c != '圆') continue;
            String unit = unitAt(text, i);
            if (unit == null) continue;
            int numberEnd = text.charAt(i - 1) == ' ' ? i - 1 : i;
            int start = numberEnd;
            String value;
            if (start > 0 && isDigit(text.charAt(start - 1))) {
                while (start > 0 && (isDigit(text.charAt(start - 1))
                        || text.charAt(start - 1) == '.' && start > 1 && isDigit(text.charAt(start - 2)))) start--;
                value = new BigDecimal(text.substring(start, numberEnd)).stripTrailingZeros().toPlainString();
            } else {
                while (start > 0 && ChineseNumerals.isNumeral(text.charAt(start - 1))) start--;
                long parsed = ChineseNumerals.parse(text.substring(start, numberEnd));
                if (parsed < 0) continue;
                value = Long.toString(parsed);
            }
            if (start == numberEnd) continue;
            out.add(new Recognition(start, i + unit.length(), SlotTypes.AMOUNT, value));
            i += unit.length() - 1;
        }
    }

    private static String unitAt(String text, int i) {
        for (String unit : UNITS) {
            if (text.startsWith(unit, i)) return unit;
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
