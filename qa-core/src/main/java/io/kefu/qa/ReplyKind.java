package io.kefu.qa;

/** What the bot decided to do with a question. */
public enum ReplyKind {
    /** Confident match: the answer of one standard question. */
    ANSWER,
    /** Several plausible matches or a middle score: "您是不是想问" with suggestions. */
    CLARIFY,
    /** Nothing in the knowledge base is close enough. A normal result, not an error. */
    NONE,
    /** The customer asked for a person (转人工) or complained: a human agent should take over. */
    HANDOFF,
    /** A request that needs details before it can be acted on (查话费, 报修): a form starts. */
    FORM;

    /** The lower-case wire name used in JSON ({@code answer}, {@code clarify}, {@code none}, ...). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
