package io.kefu.qa.decide;

import io.kefu.qa.intent.Intent;

import java.util.Set;

/** What an intent asks the bot to do, from how the intent is written. */
enum IntentRoute {
    /** A fixed reply (greeting, thanks, chit-chat). */
    REPLY,
    /** A person must take over (转人工, complaints). */
    HANDOFF,
    /** Details are needed before acting (the intent declares slots): a form. */
    FORM,
    /** Meaningful only inside a dialogue (affirm, deny, cancel): the question goes on to the FAQ. */
    CONTEXT;

    /** Intents that hand the conversation to a person; a knowledge base may redefine their templates. */
    private static final Set<String> HANDOFF_INTENTS = Set.of("human", "complaint");

    static IntentRoute of(Intent intent) {
        if (HANDOFF_INTENTS.contains(intent.name())) return HANDOFF;
        if (!intent.reply().isBlank()) return REPLY;
        if (!intent.slots().isEmpty()) return FORM;
        return CONTEXT;
    }
}
