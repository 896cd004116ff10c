package io.kefu.qa.intent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal numbers (mobile, resident ID, bank card) as they may appear in logs, analytics and echoed replies. One
 * rule per kind of number, whether the number was recognised as a slot value or found in free text, so the same
 * card never shows different digits in two places.
 */
public final class PersonalNumbers {

    /** How many leading and trailing digits stay visible; every other digit becomes '*'. */
    private record Shown(int head, int tail) {
    }

    private static final Shown MOBILE = new Shown(3, 4);
    private static final Shown ID_CARD = new Shown(3, 4);
    private static final Shown BANK_CARD = new Shown(0, 4);

    /** 18-character resident ID: 17 digits and a digit or X. */
    private static final Pattern ID_CARD_IN_TEXT = Pattern.compile("(?<!\\d)(?<n>\\d{17}[\\dXx])(?![\\dA-Za-z])");
    /** 16 to 19 digits, optionally grouped by single spaces or dashes: a bank card. */
    private static final Pattern BANK_CARD_IN_TEXT = Pattern.compile("(?<!\\d)(?<n>\\d(?:[ -]?\\d){15,18})(?!\\d)");
    /** A mainland mobile number, optionally after +86/86. */
    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?(?<n>1[3-9]\\d{9})(?!\\d)");

    private PersonalNumbers() {
    }

    /** A slot value of this type, masked if the type is a personal number: 138****8000; other types unchanged. */
    public static String maskValue(String type, String value) {
        return switch (type) {
            case SlotTypes.MOBILE -> mask(value, MOBILE);
            case SlotTypes.ID_CARD -> mask(value, ID_CARD);
            case SlotTypes.BANK_CARD -> mask(value, BANK_CARD);
            default -> value;
        };
    }

    /** Free text with every personal number in it masked, separators and full-width digits kept as written. */
    public static String maskText(String text) {
        String masked = maskAll(ID_CARD_IN_TEXT, text, ID_CARD);
        masked = maskAll(BANK_CARD_IN_TEXT, masked, BANK_CARD);
        return maskAll(MOBILE_IN_TEXT, masked, MOBILE);
    }

    private static String maskAll(Pattern pattern, String text, Shown shown) {
        Matcher matcher = pattern.matcher(asciiDigits(text));
        if (!matcher.find()) return text;
        var out = new StringBuilder(text.length());
        int from = 0;
        do {
            out.append(text, from, matcher.start("n"));
            out.append(mask(text.substring(matcher.start("n"), matcher.end("n")), shown));
            from = matcher.end("n");
        } while (matcher.find());
        return out.append(text, from, text.length()).toString();
    }

    /** A number too short to hide anything once head and tail are shown is hidden whole. */
    private static String mask(String number, Shown shown) {
        int digits = (int) number.chars().filter(PersonalNumbers::isDigitOrX).count();
        boolean hideAll = digits <= shown.head() + shown.tail();
        var out = new StringBuilder(number.length());
        int seen = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (isDigitOrX(c)) {
                out.append(!hideAll && (seen < shown.head() || seen >= digits - shown.tail()) ? c : '*');
                seen++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
