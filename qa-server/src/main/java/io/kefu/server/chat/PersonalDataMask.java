package io.kefu.server.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks mobile, ID and bank card numbers in text kept for analysis (the bot's decision log). The customer's own
 * transcript is never masked. Full-width digits count as digits.
 */
final class PersonalDataMask {

    /** 18-character resident ID: 17 digits and a digit or X. */
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(?<n>\\d{17}[\\dXx])(?![\\dA-Za-z])",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** 16 to 19 digits, optionally grouped by single spaces or dashes: a bank card. */
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?<n>\\d(?:[ -]?\\d){15,18})(?!\\d)",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** A mainland mobile number, optionally after +86/86. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?(?<n>1[3-9]\\d{9})(?!\\d)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private PersonalDataMask() {
    }

    static String mask(String text) {
        String masked = replace(ID_CARD, text, 3, 4);
        masked = replace(CARD, masked, 0, 4);
        return replace(MOBILE, masked, 3, 4);
    }

    /** Keeps the first {@code head} and last {@code tail} digits of each match; every other digit becomes '*'. */
    private static String replace(Pattern pattern, String text, int head, int tail) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) return text;
        var out = new StringBuilder(text.length());
        int from = 0;
        do {
            out.append(text, from, matcher.start("n"));
            String match = matcher.group("n");
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

    private static boolean isDigitOrX(int c) {
        return Character.isDigit(c) || c == 'X' || c == 'x';
    }
}
