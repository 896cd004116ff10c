package io.kefu.server.content;

import java.util.Locale;

/** Where a version of an entry stands in review and publishing. */
public enum VersionState {
    /** Written by its author, waiting for a reviewer. */
    DRAFT,
    /** Accepted by a reviewer; goes live with the next publish. */
    APPROVED,
    /** Sent back by a reviewer with a comment. */
    REJECTED,
    /** In a release (the live one or an earlier one). */
    PUBLISHED,
    /** Replaced by a newer draft of the same entry before it was reviewed. */
    SUPERSEDED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VersionState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
