package io.kefu.server.conversation;

/**
 * A customer can be reached in this conversation now (they started or resumed it): what was kept for their next
 * visit (a resolved ticket's outcome) can be said. Published by {@link ConversationService#connected}.
 */
public record CustomerConnected(String conversationId) {
}
