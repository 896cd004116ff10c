package io.kefu.qa.dialog;

/** Why the dialogue asks for a person to take the conversation over. */
public enum HandoffReason {
    /** The customer asked for a person (转人工). */
    REQUEST("human"),
    /** The customer complained. */
    COMPLAINT("complaint"),
    /** Several messages in a row got no answer. */
    NO_ANSWER("no_answer"),
    /** A form could not be completed. */
    FORM_FAILED("form_failed");

    private final String wireName;

    HandoffReason(String wireName) {
        this.wireName = wireName;
    }

    /** The name stored with the conversation and shown in the agents' console. */
    public String wireName() {
        return wireName;
    }
}
