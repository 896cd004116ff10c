package io.kefu.qa.eval;

import java.util.List;

/** What the evaluator needs from a matching engine. */
interface Engine extends AutoCloseable {

    String name();

    /** The ranked ids (best first, at most ten) and, if the engine would answer, the answered id. */
    Result ask(String question);

    /** The engine's score for one KB entry, used to compare the expected entry with judged negatives. */
    double score(String question, String entryId);

    record Result(List<String> rankedIds, String answeredId) {
    }

    @Override
    default void close() {
    }
}
