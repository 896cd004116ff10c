package io.kefu.qa.index;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.rank.TextProfile;

/**
 * One indexed phrasing (the standard question or one of its similar questions).
 *
 * @param entry    the standard question it belongs to
 * @param text     the phrasing as written in the knowledge base
 * @param profile  the phrasing after the same analysis as a customer's question, with its terms' weights
 */
public record IndexedPhrasing(FaqEntry entry, String text, TextProfile profile) {

    public AnalyzedText analyzed() {
        return profile.text();
    }
}
