package io.kefu.server.content;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One change to a selection of entries (the console's bulk actions), made as a draft of each.
 *
 * @param action   {@code category} (move to {@code category}), {@code retire}, or {@code validity} (set
 *                 {@code validFrom} and {@code validUntil}, either may be null)
 */
record BulkChange(List<String> ids, String action, String category, Instant validFrom, Instant validUntil) {

    enum Action { CATEGORY, RETIRE, VALIDITY }

    Action parsedAction() {
        try {
            return Action.valueOf(action == null ? "" : action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ContentException.invalid("批量操作只能是 category（移动分类）、retire（下线）或 validity（设置有效期）。");
        }
    }

    /** The entry with the change applied. */
    EntryContent applied(EntryContent e) {
        return switch (parsedAction()) {
            case CATEGORY -> new EntryContent(e.id(), e.question(), e.similar(), e.answer(), category, e.tags(),
                    e.validFrom(), e.validUntil());
            case VALIDITY -> new EntryContent(e.id(), e.question(), e.similar(), e.answer(), e.category(), e.tags(),
                    validFrom, validUntil);
            case RETIRE -> e;
        };
    }
}
