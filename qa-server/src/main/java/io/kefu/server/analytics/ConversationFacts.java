package io.kefu.server.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * What the reports need of one conversation, read in one row.
 *
 * @param botHandoffs     how many times the bot decided a person should take over (queued or not)
 * @param handoffReason   why it was queued for an agent ({@code null}: never queued)
 * @param firstAgentReply when the serving agent first wrote, {@code null} if no agent did
 * @param stars           the customer's rating, {@code null} if none
 * @param customerMessages how many messages the customer wrote (a conversation with none is not counted)
 */
record ConversationFacts(String id, String visitorId, String channel, Instant createdAt, Instant closedAt,
                         String handoffReason, Instant queuedAt, Instant assignedAt, String agent, int botHandoffs,
                         Instant firstAgentReply, Integer stars, int customerMessages) {

    boolean handedOff() {
        return handoffReason != null || botHandoffs > 0 || agent != null;
    }

    /** Seconds from joining the queue to an agent taking over, or null if no agent did. */
    Double queueWaitSeconds() {
        return queuedAt == null || assignedAt == null ? null : seconds(queuedAt, assignedAt);
    }

    Double firstResponseSeconds() {
        return assignedAt == null || firstAgentReply == null ? null : seconds(assignedAt, firstAgentReply);
    }

    Double handleSeconds() {
        return assignedAt == null || closedAt == null ? null : seconds(assignedAt, closedAt);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 1000.0;
    }
}
