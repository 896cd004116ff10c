package io.kefu.server.content;

import java.time.Instant;

/**
 * A published state of the knowledge base.
 *
 * @param gate           the quality gate's comparison with the release before, as JSON (null for the first load
 *                       and for rollbacks)
 * @param overrideReason a reviewer's reason for publishing past a failed gate, or null
 * @param restoredFrom   the earlier release this one restored, or null
 */
public record Release(long id, String note, String publishedBy, Instant publishedAt, int entries, String gate,
                      String overrideReason, Long restoredFrom) {
}
