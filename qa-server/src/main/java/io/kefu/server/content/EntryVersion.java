package io.kefu.server.content;

import java.time.Instant;

/**
 * One version of an entry, as stored: {@code id} is also the draft's id in reviews.
 *
 * @param retired the version removes the entry from the base ({@code content} is what it was before)
 */
public record EntryVersion(long id, String entryId, EntryContent content, boolean retired, VersionState state,
                           String author, Instant createdAt, String reviewer, String reviewComment,
                           Instant reviewedAt, String note) {
}
