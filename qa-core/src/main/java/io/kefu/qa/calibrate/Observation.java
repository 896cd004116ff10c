package io.kefu.qa.calibrate;

/**
 * One calibration question and what the pipeline made of it.
 *
 * @param source     where the question came from
 * @param length     its {@link MessageLength}
 * @param inScope    whether an entry answers it
 * @param topCorrect whether the best candidate is that entry
 * @param top        the best candidate's score
 * @param runnerUp   the runner-up's score
 */
record Observation(Source source, int length, boolean inScope, boolean topCorrect, double top, double runnerUp) {

    enum Source {
        /** A similar phrasing asked against an index without it. */
        HELD_OUT_PHRASING,
        /** A development question of the content. */
        DEVELOPMENT,
        /** A generic out-of-scope question. */
        GENERIC_OUT_OF_SCOPE
    }

    static Observation of(Source source, RankingProbe.Top top, String expectedId) {
        boolean inScope = !expectedId.isEmpty();
        return new Observation(source, top.length(), inScope, inScope && expectedId.equals(top.bestId()), top.best(),
                top.runnerUp());
    }

    /** Whether thresholds answer it: a high enough score with a clear enough lead. */
    boolean answeredAt(double answer, double margin) {
        return top >= answer && top - runnerUp >= margin;
    }

    /** Answered with the right entry, or, out of scope, not answered. */
    boolean rightAt(double answer, double margin) {
        boolean answered = answeredAt(answer, margin);
        return inScope ? answered && topCorrect : !answered;
    }
}
