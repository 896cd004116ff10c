package io.kefu.qa.segment;

/**
 * One segmented word.
 *
 * @param word   the word, as it appears in the normalised text
 * @param nature HanLP's part-of-speech tag ({@code nz} for domain words, {@code m} for numbers...)
 */
public record Token(String word, String nature) {
}
