package io.kefu.server.conversation;

/**
 * What the bot decided for one customer message, for the decision log.
 *
 * @param kind      {@code answer}, {@code clarify}, {@code none}, {@code handoff}, ...
 * @param matchedId the standard question answered, if any
 * @param score     calibrated confidence of the best candidate, in [0,1]
 * @param stage     which rule or stage decided
 * @param micros    time spent deciding
 */
record BotDecision(String kind, String matchedId, double score, String stage, long micros) {
}
