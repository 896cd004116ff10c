package io.kefu.qa.calibrate;

import io.kefu.qa.KnowledgeBase;

/**
 * What a calibration needs of the matching pipeline: how it ranks a question against one knowledge base. The bot
 * provides it; the calibration never builds an index itself.
 */
public interface RankingProbe extends AutoCloseable {

    /**
     * The top of the ranking of one question.
     *
     * @param length   the question's {@link MessageLength}
     * @param bestId   the best candidate's entry id, empty when nothing was retrieved
     * @param best     its score, the one the thresholds apply to
     * @param runnerUp the second candidate's score, 0 when there is none
     */
    record Top(int length, String bestId, double best, double runnerUp) {
    }

    /** Safe to call from several threads at once. */
    Top top(String question);

    /** Releases what the probe holds (an index built for it). */
    @Override
    void close();

    /** Makes probes over knowledge bases: the full one, and each one with a share of its phrasings held out. */
    @FunctionalInterface
    interface Factory {
        RankingProbe over(KnowledgeBase knowledge);
    }
}
