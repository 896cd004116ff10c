package io.kefu.qa.index;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.expand.AnalyzedText;

/**
 * One indexed text: a phrasing (the standard question or one of its similar questions), or all the phrasings of an
 * entry read as one text ({@link FaqIndex#wholeEntry}).
 *
 * @param entry    the standard question it belongs to
 * @param text     the phrasing as written in the knowledge base
 * @param analyzed the phrasing after the same analysis as a customer's question
 * @param ordinal  its number in this snapshot: the phrasings are {@code 0 .. size() - 1} in
 *                 {@link FaqIndex#phrasings()} order and the whole-entry texts follow, so that a later stage can
 *                 keep what it derives from each text in an array
 */
public record IndexedPhrasing(FaqEntry entry, String text, AnalyzedText analyzed, int ordinal) {
}
