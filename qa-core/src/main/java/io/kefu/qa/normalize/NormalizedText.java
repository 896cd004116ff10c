package io.kefu.qa.normalize;

/**
 * A question after normalisation.
 *
 * @param original what the customer typed
 * @param text     half-width, simplified, lower-case text; punctuation and emoji turned into single spaces,
 *                 polite filler removed from the edges
 * @param unstripped the same before the polite filler was removed: for a message that is nothing but politeness
 *                 and acknowledgement ("好的，谢谢"), the filler is the message
 */
public record NormalizedText(String original, String text, String unstripped) {

    /** A text with nothing stripped. */
    public NormalizedText(String original, String text) {
        this(original, text, text);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
