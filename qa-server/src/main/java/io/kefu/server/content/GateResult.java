package io.kefu.server.content;

import java.util.List;

/**
 * The quality gate's comparison of a candidate release with the live one on the content team's test questions.
 *
 * @param passed  false when recall@1 dropped by more than {@link QualityGate#MAX_RECALL_DROP} or a must-pass
 *                question failed
 * @param reasons why it did not pass, in Chinese
 * @param changed every question whose result differs between live and candidate
 */
public record GateResult(boolean passed, List<String> reasons, Metrics live, Metrics candidate, int questions,
                         List<Change> changed, String calibration) {

    public GateResult {
        reasons = List.copyOf(reasons);
        changed = List.copyOf(changed);
    }

    /**
     * @param recallAt1           in-scope questions whose best candidate is the expected entry
     * @param outOfScopeRejection out-of-scope questions the bot did not answer
     * @param accuracy            in scope answered with the right entry, out of scope not answered
     */
    public record Metrics(double recallAt1, double outOfScopeRejection, double accuracy) {
    }

    /** One test question's result, live and candidate: the reply's kind and entry. */
    public record Change(String question, String expected, boolean mustPass, String live, String candidate,
                         boolean liveCorrect, boolean candidateCorrect) {
    }
}
