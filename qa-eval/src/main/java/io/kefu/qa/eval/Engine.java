package io.kefu.qa.eval;

import java.util.List;

/** What the evaluator needs from a matching engine. */
interface Engine extends AutoCloseable {

    String name();

    /**
     * The ranked ids (best first, at most ten), the answered id if the engine would answer, and the id it shows the
     * customer first (the answer, or the first suggestion of a clarification; null when it declines).
     */
    Result ask(String question);

    /** The engine's score for one KB entry, used to compare the expected entry with judged negatives. */
    double score(String question, String entryId);

    record Result(List<String> rankedIds, String answeredId, String offeredId) {

        /** An engine that answers or declines, never clarifies. */
        Result(List<String> rankedIds, String answeredId) {
            this(rankedIds, answeredId, answeredId);
        }
    }

    @Override
    default void close() {
    }
}
