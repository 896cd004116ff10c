package io.kefu.qa.normalize;

import com.hankcs.hanlp.HanLP;

import java.util.List;


/**
 * Stage 1: makes equivalent spellings identical before anything else looks at them.
 *
 * <p>Full-width letters and digits become half-width, traditional Chinese becomes simplified (phrase-level, with
 * HanLP's {@code t2s}: its {@code tw2s} rewrites Taiwanese usage too and turns 查詢 into 查找), ASCII is lower-cased,
 * punctuation, symbols and emoji become separators, and polite filler at the edges (请问, 你好, 谢谢...) is dropped
 * because it says nothing about the intent. Letters and digits are never split or changed otherwise, so 5G, 10086
 * and 13800138000 stay whole.
 */
public final class TextNormalizer {

    /** Filler that may open a question; longest first so that 你好请问 strips in one pass of the loop. */
    private static final List<String> LEADING_FILLER = List.of(
            "你好请问", "您好请问", "请问一下", "请问", "你好", "您好", "在吗", "在不在", "麻烦问一下", "麻烦问下",
            "问一下", "问下", "hello", "hi", "嗨");
    private static final List<String> TRAILING_FILLER = List.of(
            "谢谢你", "谢谢您", "谢谢啦", "谢谢了", "谢谢", "多谢", "thanks", "thx", "急急急", "在线等");
    private static final int MAX_LENGTH = 500;

    public NormalizedText normalize(String raw) {
        if (raw == null) return new NormalizedText("", "");
        String clipped = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        String simplified = HanLP.t2s(toHalfWidthWithSeparators(clipped));
        String collapsed = collapseSpaces(simplified);
        String core = stripFiller(collapsed);
        return new NormalizedText(raw, core.isEmpty() ? collapsed : core, collapsed);
    }

    /**
     * Half-width, lower-case ASCII; every character that is not a letter, digit or CJK ideograph becomes a space,
     * except a decimal point between two digits (100.5元 is an amount, not 100 and 5).
     */
    private static String toHalfWidthWithSeparators(String text) {
        int[] chars = text.codePoints().map(TextNormalizer::halfWidth).toArray();
        var out = new StringBuilder(chars.length);
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (c < 128) {
                boolean decimalPoint = c == '.' && i > 0 && i + 1 < chars.length
                        && isAsciiDigit(chars[i - 1]) && isAsciiDigit(chars[i + 1]);
                out.append(Character.isLetterOrDigit(c) || decimalPoint ? Character.toLowerCase((char) c) : ' ');
            } else if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static int halfWidth(int c) {
        if (c == 0x3000) return ' ';
        if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
        return c;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String collapseSpaces(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    private static String stripFiller(String text) {
        String current = text;
        boolean changed = true;
        while (changed && !current.isEmpty()) {
            changed = false;
            for (String filler : LEADING_FILLER) {
                if (current.startsWith(filler) && !continuesAsciiWord(current, filler)) {
                    current = current.substring(filler.length()).trim();
                    changed = true;
                    break;
                }
            }
            for (String filler : TRAILING_FILLER) {
                if (current.endsWith(filler) && current.length() > filler.length()) {
                    current = current.substring(0, current.length() - filler.length()).trim();
                    changed = true;
                    break;
                }
            }
        }
        return current;
    }

    /** "hi" must not be stripped from "hifi": filler made of letters only counts as a whole word. */
    private static boolean continuesAsciiWord(String text, String filler) {
        if (text.length() == filler.length()) return false;
        char last = filler.charAt(filler.length() - 1);
        char next = text.charAt(filler.length());
        return last < 128 && next < 128 && Character.isLetterOrDigit(next);
    }
}
