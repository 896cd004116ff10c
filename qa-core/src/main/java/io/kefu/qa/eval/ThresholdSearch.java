package io.kefu.qa.eval;

import io.kefu.qa.decide.Thresholds;

import java.util.List;

/**
 * Picks the decision thresholds that maximise overall accuracy (in-KB answered correctly, out-of-KB declined) on
 * a training task. Only the answer threshold and margin affect that accuracy; the clarify threshold is set below
 * the answer threshold, where the right entry is still often among the suggestions.
 */
final class ThresholdSearch {

    /** The top of one ranked list: whether the best candidate is right, its score and the runner-up's. */
    record Outcome(boolean inKb, boolean topCorrect, double top, double runnerUp) {
    }

    record Choice(Thresholds thresholds, double accuracy) {
    }

    private ThresholdSearch() {
    }

    static Choice best(List<Outcome> outcomes, double maxScore, int steps) {
        Choice best = null;
        for (double margin : new double[]{0, 0.01, 0.02, 0.05, 0.1}) {
            for (int s = 0; s <= steps; s++) {
                double threshold = maxScore * s / steps;
                double accuracy = accuracy(outcomes, threshold, margin);
                if (best == null || accuracy > best.accuracy()) {
                    double clarify = Math.min(threshold, threshold * 0.5);
                    best = new Choice(new Thresholds(Math.min(1, threshold), Math.min(1, clarify), margin), accuracy);
                }
            }
        }
        return best;
    }

    static double accuracy(List<Outcome> outcomes, double threshold, double margin) {
        int correct = 0;
        for (Outcome o : outcomes) {
            boolean answered = o.top() >= threshold && o.top() - o.runnerUp() >= margin;
            if (o.inKb() ? answered && o.topCorrect() : !answered) correct++;
        }
        return outcomes.isEmpty() ? 0 : (double) correct / outcomes.size();
    }
}
