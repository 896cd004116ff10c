package io.kefu.qa.calibrate;

/**
 * How long a message is, for choosing its band of thresholds: the letters and digits of its normalised text (a
 * Chinese character counts one, so does each Latin letter and digit). Punctuation, spaces and the polite filler
 * normalisation strips do not count.
 */
public final class MessageLength {

    private MessageLength() {
    }

    public static int of(String normalizedText) {
        return (int) normalizedText.codePoints().filter(Character::isLetterOrDigit).count();
    }
}
