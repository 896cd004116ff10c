package io.kefu.server.conversation;

/**
 * A customer's message as any channel hands it over.
 *
 * @param conversationId    the conversation it belongs to
 * @param text              what the customer typed or clicked (checked and cleaned by the channel)
 * @param clientId          the channel's id of the message: a resend with the same id is stored once
 * @param chosenSuggestion  the standard question id of the suggestion button clicked, {@code null} for typed text
 */
public record InboundMessage(String conversationId, String text, String clientId, String chosenSuggestion) {
}
