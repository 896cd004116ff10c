package io.kefu.load;

import java.nio.charset.StandardCharsets;

/**
 * Reads the few top-level fields the load generator needs straight from a server frame's UTF-8 bytes, without
 * parsing the JSON: a field name in quotes followed by a colon cannot occur inside a JSON string (its quotes would
 * be escaped), and the fields read here ({@code type}, {@code seq}, {@code id}, {@code replyTo}, {@code code},
 * {@code from}, {@code conversation}, {@code token}) are not used by any nested object of the frames that carry them.
 */
final class Frames {

    static final byte[] TYPE = field("type");
    static final byte[] SEQ = field("seq");
    static final byte[] ID = field("id");
    static final byte[] REPLY_TO = field("replyTo");
    static final byte[] CODE = field("code");
    static final byte[] FROM = field("from");
    static final byte[] CONVERSATION = field("conversation");
    static final byte[] TOKEN = field("token");

    private Frames() {
    }

    private static byte[] field(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /** The frame's type, as one of the few constants the load generator acts on, or "other". */
    static String type(byte[] frame, int from, int to) {
        int at = valueAt(frame, from, to, TYPE);
        if (at < 0 || frame[at] != '"') return "other";
        if (startsWith(frame, at + 1, to, "message\"")) return "message";
        if (startsWith(frame, at + 1, to, "ack\"")) return "ack";
        if (startsWith(frame, at + 1, to, "error\"")) return "error";
        if (startsWith(frame, at + 1, to, "welcome\"")) return "welcome";
        return "other";
    }

    /** A non-negative integer field, or -1 when it is missing or not a number. */
    static long number(byte[] frame, int from, int to, byte[] field) {
        int at = valueAt(frame, from, to, field);
        return at < 0 ? -1 : digits(frame, at, to);
    }

    private static long digits(byte[] frame, int at, int to) {
        long value = 0;
        int count = 0;
        for (int i = at; i < to && frame[i] >= '0' && frame[i] <= '9'; i++, count++) value = value * 10 + frame[i] - '0';
        return count == 0 ? -1 : value;
    }

    /** A string field without escapes (an error code, an id, a token), or "?". */
    static String string(byte[] frame, int from, int to, byte[] field) {
        int at = valueAt(frame, from, to, field);
        if (at < 0 || frame[at] != '"') return "?";
        for (int i = at + 1; i < to; i++) {
            if (frame[i] == '"') return new String(frame, at + 1, i - at - 1, StandardCharsets.UTF_8);
        }
        return "?";
    }

    /** The number N of a client id "mN" the load generator gave, or -1. */
    static long clientNumber(byte[] frame, int from, int to) {
        int at = valueAt(frame, from, to, ID);
        if (at < 0 || at + 1 >= to || frame[at] != '"' || frame[at + 1] != 'm') return -1;
        return digits(frame, at + 2, to);
    }

    /** Where the value of the field starts (after optional spaces), or -1. */
    private static int valueAt(byte[] frame, int from, int to, byte[] field) {
        outer:
        for (int i = from; i + field.length <= to; i++) {
            for (int j = 0; j < field.length; j++) {
                if (frame[i + j] != field[j]) continue outer;
            }
            int at = i + field.length;
            while (at < to && frame[at] == ' ') at++;
            return at;
        }
        return -1;
    }

    private static boolean startsWith(byte[] frame, int at, int to, String text) {
        if (at + text.length() > to) return false;
        for (int i = 0; i < text.length(); i++) {
            if (frame[at + i] != text.charAt(i)) return false;
        }
        return true;
    }
}
