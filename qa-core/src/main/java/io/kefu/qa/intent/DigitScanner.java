package io.kefu.qa.intent;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers written in digits: mobile numbers, resident ID cards, bank cards and plain numbers.
 *
 * <p>People group long numbers ("138 0013 8000", "6222-0212-3456-7890"), and the normaliser turns dashes into
 * spaces, so runs of digits separated by one space or dash form a chain, and every stretch of whole runs in a chain
 * is a candidate. Check digits keep an arbitrary 18-digit run from being an ID card and an arbitrary 16-digit run
 * from being a bank card; a stretch that passes several checks is recognised as each type, and the templates decide.
 */
final class DigitScanner implements SlotScanner {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    @Override
    public List<String> types() {
        return List.of(SlotTypes.MOBILE, SlotTypes.ID_CARD, SlotTypes.BANK_CARD, SlotTypes.NUMBER);
    }

    @Override
    public void scan(String text, List<Recognition> out) {
        List<int[]> runs = digitRuns(text);
        int chainStart = 0;
        for (int r = 0; r < runs.size(); r++) {
            boolean chainEnds = r + 1 == runs.size() || !joined(text, runs.get(r), runs.get(r + 1));
            if (chainEnds) {
                scanChain(text, runs.subList(chainStart, r + 1), out);
                chainStart = r + 1;
            }
        }
    }

    private static List<int[]> digitRuns(String text) {
        var runs = new ArrayList<int[]>();
        int i = 0;
        while (i < text.length()) {
            if (isDigit(text.charAt(i))) {
                int start = i;
                while (i < text.length() && isDigit(text.charAt(i))) i++;
                runs.add(new int[]{start, i});
            } else {
                i++;
            }
        }
        return runs;
    }

    private static boolean joined(String text, int[] left, int[] right) {
        char gap = text.charAt(left[1]);
        return right[0] == left[1] + 1 && (gap == ' ' || gap == '-');
    }

    private static void scanChain(String text, List<int[]> chain, List<Recognition> out) {
        for (int i = 0; i < chain.size(); i++) {
            int start = chain.get(i)[0];
            String single = text.substring(start, chain.get(i)[1]);
            out.add(new Recognition(start, chain.get(i)[1], SlotTypes.NUMBER, single)); // 021...: leading zeros matter
            var digits = new StringBuilder();
            for (int j = i; j < chain.size() && digits.length() <= 19; j++) {
                int end = chain.get(j)[1];
                digits.append(text, chain.get(j)[0], end);
                classify(text, start, end, digits.toString(), out);
            }
        }
    }

    private static void classify(String text, int start, int end, String digits, List<Recognition> out) {
        int length = digits.length();
        if (length == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3') {
            out.add(new Recognition(start, end, SlotTypes.MOBILE, digits));
        }
        if (length >= 16 && length <= 19 && luhn(digits)) {
            out.add(new Recognition(start, end, SlotTypes.BANK_CARD, digits));
        }
        if (length == 18 && validId(digits)) {
            out.add(new Recognition(start, end, SlotTypes.ID_CARD, digits));
        }
        if (length == 17 && end < text.length() && (text.charAt(end) == 'x' || text.charAt(end) == 'X')
                && (end + 1 == text.length() || !Spelling.isAsciiWordChar(text.charAt(end + 1)))
                && validId(digits + "X")) {
            out.add(new Recognition(start, end + 1, SlotTypes.ID_CARD, digits + "X"));
        }
    }

    /** GB 11643: the 18th character is a weighted sum of the first 17, modulo 11. */
    static boolean validId(String id) {
        if (id.length() != 18 || id.charAt(0) == '0') return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK.charAt(sum % 11);
    }

    /** The Luhn check every Chinese bank card number (UnionPay included) carries. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
