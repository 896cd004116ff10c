package io.kefu.server.content;

import java.time.Instant;
import java.util.List;

/**
 * An entry as the console and the API show it: its newest version, and where that stands.
 *
 * @param versionId the newest version (the draft id while it is a draft)
 * @param live      whether the entry answers in the live release (in some version)
 * @param validNow  whether its validity dates include this moment
 */
record EntryView(String id, String question, List<String> similar, String answer, String category, List<String> tags,
                 Instant validFrom, Instant validUntil, long versionId, VersionState state, boolean retired,
                 String author, Instant updatedAt, String reviewer, String reviewComment, boolean live,
                 boolean validNow) {

    static EntryView of(EntryVersion version, boolean live, Instant now) {
        EntryContent c = version.content();
        return new EntryView(c.id(), c.question(), c.similar(), c.answer(), c.category(), c.tags(), c.validFrom(),
                c.validUntil(), version.id(), version.state(), version.retired(), version.author(),
                version.createdAt(), version.reviewer(), version.reviewComment(), live, c.validAt(now));
    }
}
