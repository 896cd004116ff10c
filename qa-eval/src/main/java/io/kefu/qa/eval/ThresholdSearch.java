package io.kefu.qa.eval;

import io.kefu.qa.rank.Thresholds;

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

    /**
     * Tries every top score that occurs as the answer threshold (the accuracy only changes there), with a few
     * margins scaled to where those scores lie; ties go to the lower threshold.
     *
     * @param maxScore kept for callers whose scores are not probabilities; thresholds above it are not tried
     */
    static Choice best(List<Outcome> outcomes, double maxScore, int steps) {
        var candidates = new java.util.TreeSet<Double>();
        outcomes.forEach(o -> candidates.add(Math.min(maxScore, o.top())));
        for (int s = 0; s <= steps; s++) candidates.add(maxScore * s / steps);
        Choice best = null;
        for (double margin : new double[]{0, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1}) {
            for (double threshold : candidates) {
                double accuracy = accuracy(outcomes, threshold, margin);
                if (best == null || accuracy > best.accuracy()) {
                    double answer = Math.min(1, threshold);
                    best = new Choice(new Thresholds(answer, answer / 2, margin), accuracy);
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
