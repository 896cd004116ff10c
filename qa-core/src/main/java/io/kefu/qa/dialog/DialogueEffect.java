package io.kefu.qa.dialog;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What should happen outside the dialogue when a form completes. The dialogue does no I/O: the server carries an
 * effect out and then sends the form's {@link Confirmation}, which names the ticket it recorded. That is why a
 * {@link Turn} that completes a form ends with the effect rather than with the confirmation message.
 */
public sealed interface DialogueEffect {

    /** The form's intent. */
    String form();

    /** Slot name → value the customer gave, unmasked: agents and webhooks need the real number. */
    Map<String, String> values();

    /** What to tell the customer once the effect is carried out. */
    Confirmation confirmation();

    /** Record a ticket for the agents; the confirmation gives the customer its id. */
    record RecordTicket(String form, Map<String, String> values, Confirmation confirmation) implements DialogueEffect {
        public RecordTicket {
            values = Map.copyOf(values);
        }
    }

    /**
     * POST the form as JSON to a URL. If that fails (an error status, a timeout, no connection), record a ticket
     * instead, so that nothing the customer gave is lost, and tell the customer with
     * {@link Confirmation#recordedInstead}.
     */
    record CallWebhook(URI url, Duration timeout, String form, Map<String, String> values, Confirmation confirmation)
            implements DialogueEffect {
        public CallWebhook {
            values = Map.copyOf(values);
        }
    }

    /**
     * A completed form's confirmation, composed once its effect is carried out.
     *
     * @param done            the form's confirmation text: {@code {ticket}} and {@code {slot name}} placeholders
     * @param maskedValues    slot name → value as it may be echoed (numbers masked)
     * @param recordedInstead the text for a webhook that failed and became a ticket: a {@code {ticket}} placeholder
     */
    record Confirmation(String done, Map<String, String> maskedValues, String recordedInstead) {

        public Confirmation {
            maskedValues = Map.copyOf(maskedValues);
        }

        /** After a ticket was recorded. */
        public BotMessage recorded(String ticket) {
            return done(done, ticket);
        }

        /** After the webhook took the form: there is no ticket to name. */
        public BotMessage delivered() {
            return done(done, "");
        }

        /** After the webhook failed and a ticket was recorded instead. */
        public BotMessage recordedInstead(String ticket) {
            return BotMessage.of(BotMessage.Kind.DONE, DialogueTexts.fill(recordedInstead, Map.of("ticket", ticket)));
        }

        private BotMessage done(String template, String ticket) {
            var values = new java.util.HashMap<>(maskedValues);
            values.put("ticket", ticket);
            return BotMessage.of(BotMessage.Kind.DONE, DialogueTexts.fill(template, values));
        }
    }
}
