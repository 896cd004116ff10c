package io.kefu.qa.eval;

import java.util.List;

/** What the evaluator needs from a matching engine. */
interface Engine extends AutoCloseable {

    String name();

    /**
     * The ranked ids (best first, at most ten), the answered id if the engine would answer, and the first entry it
     * would suggest if it would ask "您是不是想问" instead.
     */
    Result ask(String question);

    /** The engine's score for one KB entry, used to compare the expected entry with judged negatives. */
    double score(String question, String entryId);

    /**
     * @param answeredId  the entry answered, or null
     * @param clarifiedId the first entry of a clarification, or null when the engine answered or declined
     */
    record Result(List<String> rankedIds, String answeredId, String clarifiedId) {
        /** An engine that only answers or declines. */
        Result(List<String> rankedIds, String answeredId) {
            this(rankedIds, answeredId, null);
        }
    }

    @Override
    default void close() {
    }
}
