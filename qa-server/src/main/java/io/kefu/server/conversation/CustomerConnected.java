package io.kefu.server.conversation;

/**
 * A customer can be reached in this conversation now (they started or resumed it), published by
 * {@link ConversationService#connected}: what was kept for their next visit (a resolved ticket's outcome, a message the
 * operator sent while they were away) can be said.
 *
 * @param customerId the operator's own id of the customer, when the page's server signed one into the visitor
 *                   profile; {@code null} otherwise
 */
public record CustomerConnected(String visitorId, String conversationId, String customerId) {

    private static final java.util.regex.Pattern CUSTOMER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** Whether a text is a well-formed customer id: 1 to 64 letters, digits or {@code _.:-}. */
    public static boolean validCustomerId(String id) {
        return id != null && CUSTOMER_ID.matcher(id).matches();
    }
}
