package io.kefu.qa.rank;

import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.index.IndexedPhrasing;

import java.util.List;

/**
 * The {@link TextProfile} of every text of one index snapshot, made once with the snapshot, so that ranking a
 * question compares it with ready profiles. Immutable; lives as long as its snapshot.
 */
public final class PhrasingProfiles {

    private final FaqIndex index;
    private final TextProfile[] profiles;

    private PhrasingProfiles(FaqIndex index, TextProfile[] profiles) {
        this.index = index;
        this.profiles = profiles;
    }

    public static PhrasingProfiles of(FaqIndex index) {
        List<IndexedPhrasing> texts = index.texts();
        var profiles = new TextProfile[texts.size()];
        for (IndexedPhrasing text : texts) profiles[text.ordinal()] = TextProfile.of(text.analyzed(), index.statistics());
        return new PhrasingProfiles(index, profiles);
    }

    FaqIndex index() {
        return index;
    }

    TextProfile of(IndexedPhrasing phrasing) {
        return profiles[phrasing.ordinal()];
    }
}
