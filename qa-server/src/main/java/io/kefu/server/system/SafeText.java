package io.kefu.server.system;

/**
 * Text that people send, made safe to store and to send over a socket. JSON lets a client send what is not text
 * at all (a lone {@code \ud800}): no database stores an unpaired surrogate faithfully, and no socket can encode it
 * as UTF-8, so one such message once silenced its whole conversation. Everything people write (customers' messages,
 * agents' replies and notes, staff display names) is cleaned by {@link #clean} before it is stored.
 */
public final class SafeText {

    /** What an unpaired surrogate becomes in text that must be sent as it is. */
    static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** Drops control characters (but line breaks and tabs) and unpaired surrogates. */
    public static String clean(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (pairStartsAt(text, i)) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c) && (c >= 0x20 && c != 0x7f || c == '\n' || c == '\t')) {
                out.append(c);
            }
        }
        return out.length() == text.length() ? text : out.toString();
    }

    /**
     * The text with every unpaired surrogate replaced by U+FFFD, so that it can be encoded; the text itself when it
     * has none. For what was stored before {@link #clean} existed: one bad message must not stop a replay.
     */
    public static String encodable(String text) {
        int bad = firstUnpaired(text, 0);
        if (bad < 0) return text;
        var out = new StringBuilder(text);
        for (; bad >= 0; bad = firstUnpaired(text, bad + 1)) out.setCharAt(bad, REPLACEMENT);
        return out.toString();
    }

    private static int firstUnpaired(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (pairStartsAt(text, i)) {
                i++;
            } else if (Character.isSurrogate(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean pairStartsAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
