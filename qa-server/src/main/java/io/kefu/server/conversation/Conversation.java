package io.kefu.server.conversation;

/**
 * One customer's conversation as stored.
 *
 * @param id        random, unguessable id
 * @param visitorId the visitor it belongs to; only that visitor's socket can read or write it
 * @param open      false once closed (then it can only be rated)
 * @param lastSeq   the sequence number of its latest message
 */
public record Conversation(String id, String visitorId, boolean open, long lastSeq) {
}
