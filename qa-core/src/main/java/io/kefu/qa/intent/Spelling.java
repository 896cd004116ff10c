package io.kefu.qa.intent;

/**
 * The spelling {@code TextNormalizer} gives customer text, applied to what content authors write (template literals,
 * dictionary values): half-width and lower-case, so that 5Ｇ in a dictionary finds 5g in a question.
 */
final class Spelling {

    private Spelling() {
    }

    static char of(char c) {
        char half = c == '\u3000' ? ' ' : (c >= '\uFF01' && c <= '\uFF5E') ? (char) (c - 0xFEE0) : c;
        return half < 128 ? Character.toLowerCase(half) : half;
    }

    /** Every character folded; runs of whitespace become one space and the ends are trimmed. */
    static String of(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = of(text.charAt(i));
            if (Character.isWhitespace(c)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Letters and digits of the ASCII range: a template or value made of them must not match inside a longer word. */
    static boolean isAsciiWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** Whether a boundary at {@code i} would cut an ASCII word: ASCII letters or digits on both sides of it. */
    static boolean cutsAsciiWord(CharSequence text, int i) {
        return i > 0 && i < text.length() && isAsciiWordChar(text.charAt(i - 1)) && isAsciiWordChar(text.charAt(i));
    }
}
