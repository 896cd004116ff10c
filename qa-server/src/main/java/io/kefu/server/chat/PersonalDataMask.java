package io.kefu.server.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks mobile, ID and bank card numbers in text kept for analysis (the bot's decision log). The customer's own
 * transcript is never masked. Full-width digits count as digits.
 */
final class PersonalDataMask {

    /** 18-character resident ID: 17 digits and a digit or X. */
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(?<n>\\d{17}[\\dXx])(?![\\dA-Za-z])");
    /** 16 to 19 digits, optionally grouped by single spaces or dashes: a bank card. */
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?<n>\\d(?:[ -]?\\d){15,18})(?!\\d)");
    /** A mainland mobile number, optionally after +86/86. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?(?<n>1[3-9]\\d{9})(?!\\d)");

    private PersonalDataMask() {
    }

    static String mask(String text) {
        String masked = replace(ID_CARD, text, 3, 4);
        masked = replace(CARD, masked, 0, 4);
        return replace(MOBILE, masked, 3, 4);
    }

    /** Keeps the first {@code head} and last {@code tail} digits of each match; every other digit becomes '*'. */
    private static String replace(Pattern pattern, String text, int head, int tail) {
        Matcher matcher = pattern.matcher(asciiDigits(text));
        if (!matcher.find()) return text;
        var out = new StringBuilder(text.length());
        int from = 0;
        do {
            out.append(text, from, matcher.start("n"));
            String match = text.substring(matcher.start("n"), matcher.end("n"));
            int digits = (int) match.codePoints().filter(PersonalDataMask::isDigitOrX).count();
            int seen = 0;
            for (int i = 0; i < match.length(); i++) {
                char c = match.charAt(i);
                if (isDigitOrX(c)) {
                    out.append(seen < head || seen >= digits - tail ? c : '*');
                    seen++;
                } else {
                    out.append(c);
                }
            }
            from = matcher.end("n");
        } while (matcher.find());
        return out.append(text, from, text.length()).toString();
    }

    /** Full-width digits as ASCII ones, one char for one char, so that match positions fit the original text. */
    private static String asciiDigits(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '０' && chars[i] <= '９') chars[i] = (char) ('0' + chars[i] - '０');
            else if (chars[i] == 'Ｘ' || chars[i] == 'ｘ') chars[i] = 'X';
        }
        return new String(chars);
    }

    private static boolean isDigitOrX(int c) {
        return Character.isDigit(c) || c == 'X' || c == 'x' || c == 'Ｘ' || c == 'ｘ';
    }
}
