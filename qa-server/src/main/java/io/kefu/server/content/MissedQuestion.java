package io.kefu.server.content;

import java.time.Instant;
import java.util.Locale;

/**
 * A customer's question the bot did not serve well, as the decision stored it (numbers masked).
 *
 * @param guess the entry the bot leaned to (the answer that got 没帮助), or null
 */
record MissedQuestion(String question, Why why, String guess, Instant at) {

    /** What made it a miss. */
    enum Why {
        /** No answer at all. */
        NO_ANSWER,
        /** "您是不是想问": the bot could not decide. */
        CLARIFY,
        /** Handed to a person after the bot missed repeatedly. */
        HANDOFF_AFTER_MISSES,
        /** The customer voted the answer 没帮助. */
        NOT_HELPFUL;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
