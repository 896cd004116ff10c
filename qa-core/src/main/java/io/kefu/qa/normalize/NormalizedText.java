package io.kefu.qa.normalize;

/**
 * A question after normalisation.
 *
 * @param original what the customer typed
 * @param text     half-width, simplified, lower-case text; punctuation and emoji turned into single spaces,
 *                 polite filler removed from the edges
 */
public record NormalizedText(String original, String text) {

    public boolean isEmpty() {
        return text.isBlank();
    }
}
