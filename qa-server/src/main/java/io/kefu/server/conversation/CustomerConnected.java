package io.kefu.server.conversation;

/**
 * A customer's client said hello and can be reached now, published by the channel as a Spring application event
 * after its socket is registered: whatever was kept for this visitor (e.g. a message the operator sent while they
 * were away) can be delivered.
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
