package io.kefu.server.conversation;

/**
 * A message as an agent sees it in the transcript.
 *
 * @param decisionKind for a customer message the bot decided on: answer, clarify, none, handoff...; else null
 * @param matchedId    the standard question the bot matched, if any
 */
public record TranscriptLine(StoredMessage message, String decisionKind, String matchedId) {
}
