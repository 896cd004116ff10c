package io.kefu.qa.dialog;

import java.util.List;
import java.util.Objects;

/**
 * What a form collects before it can act on an intent, and what it does then.
 *
 * @param intent the intent that starts the form (its name is the form's name)
 * @param title  what the customer is told the form is, e.g. 故障申告
 * @param slots  the details to collect, asked for in this order
 * @param action what happens with them: a ticket for the agents, or a POST to a webhook
 * @param done   the confirmation; {@code {ticket}} and {@code {slot name}} are filled in, numbers masked
 */
public record FormDefinition(String intent, String title, List<FormSlot> slots, FormAction action, String done) {

    public FormDefinition {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(title, "title");
        slots = List.copyOf(slots);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(done, "done");
        if (slots.isEmpty()) throw new IllegalArgumentException("form " + intent + " collects nothing");
    }

    /**
     * One detail a form asks for.
     *
     * @param name     the slot name (the same as in the intent's templates, so a value said up front is kept)
     * @param type     a slot type the intent matcher knows (mobile, number, an entity dictionary...)
     * @param prompt   how to ask for it
     * @param invalid  what to say when the reply holds no value of that type
     * @param freeText whether any reply is accepted when no value of the type is recognised (e.g. a description)
     */
    public record FormSlot(String name, String type, String prompt, String invalid, boolean freeText) {
    }
}
