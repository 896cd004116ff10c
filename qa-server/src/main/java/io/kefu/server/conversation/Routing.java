package io.kefu.server.conversation;

import io.kefu.qa.dialog.HandoffReason;

import java.time.Instant;

/**
 * A conversation as the hand-off sees it: who answers it, why and how urgently it was handed off.
 *
 * @param agent       the agent serving it, or the last one who did
 * @param priority    higher first in the queue
 * @param reason      why it was handed off, or {@code null} when it never was
 * @param skillGroup  only agents with this skill take it from the queue, or {@code null} for any agent
 * @param lastMessage the customer's latest message
 */
public record Routing(String id, HandoffState handoff, String agent, int priority, HandoffReason reason,
                      String skillGroup, Instant queuedAt, boolean vip, boolean open, String channel,
                      String lastMessage) {

    /** Whether {@code username} is the agent serving it now. */
    public boolean servedBy(String username) {
        return handoff == HandoffState.AGENT && username.equals(agent);
    }
}
