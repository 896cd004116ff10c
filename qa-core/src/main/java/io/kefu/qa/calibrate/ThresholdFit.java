package io.kefu.qa.calibrate;

import io.kefu.qa.rank.Thresholds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Fits the thresholds of one length band on its calibration questions.
 *
 * <p>The answer threshold and margin maximise overall accuracy (in-scope answered with the right entry, out-of-scope
 * not answered) among those that decline at least the target share of out-of-scope questions; among equally
 * accurate ones, the one that declines more, then the one that answers fewer in-scope questions wrongly. The
 * accuracy only changes at a score that occurs, so every occurring score is tried, and the threshold is put halfway
 * between the lowest score it answers and the next score below: in the middle of the gap the data leaves open,
 * rather than on its edge. The clarify threshold maximises the mean of two shares: in-scope questions whose right
 * entry is offered first (answered or clarified) and out-of-scope questions declined outright; it is never above
 * the answer threshold.
 */
final class ThresholdFit {

    /** The margins over the runner-up tried, as the open-domain training tried them. */
    static final double[] MARGINS = {0, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1};

    private ThresholdFit() {
    }

    /** The thresholds and what they achieve on the band's questions. */
    record Result(Thresholds thresholds, Calibration.Fit achieved) {
    }

    /** One candidate answer threshold: the lowest score it answers, and how it does. */
    private record Cut(double lowestAnswered, double nextBelow, double margin, int right, int outOfScopeAnswered,
                       int wrongAnswers) {
    }

    static Result fit(List<Observation> band, double targetRejection) {
        int outOfScope = (int) band.stream().filter(o -> !o.inScope()).count();
        Cut best = null;
        for (double margin : MARGINS) {
            Cut cut = bestCut(band, margin, outOfScope, targetRejection);
            if (best == null || better(cut, best)) best = cut;
        }
        double answer = midpoint(best.lowestAnswered(), best.nextBelow());
        double clarify = Math.min(answer, clarifyThreshold(band));
        var thresholds = new Thresholds(answer, clarify, best.margin());
        return new Result(thresholds, achieved(band, o -> thresholds));
    }

    /** What thresholds achieve on some calibration questions, each question judged by its own thresholds. */
    static Calibration.Fit achieved(List<Observation> observations, Function<Observation, Thresholds> thresholdsOf) {
        int inScope = 0;
        int right = 0;
        int rejected = 0;
        for (Observation o : observations) {
            Thresholds thresholds = thresholdsOf.apply(o);
            if (o.inScope()) inScope++;
            if (o.rightAt(thresholds.answer(), thresholds.margin())) {
                right++;
                if (!o.inScope()) rejected++;
            }
        }
        int outOfScope = observations.size() - inScope;
        return new Calibration.Fit(inScope, outOfScope, ratio(right, observations.size()),
                outOfScope == 0 ? 1 : ratio(rejected, outOfScope));
    }

    /**
     * The questions a threshold takes in when it is lowered to a score that occurs: how many of them are in scope
     * with the right entry first, out of scope, and in scope with a wrong entry first; and the next score below.
     */
    private record Step(double lowest, double nextBelow, int right, int outOfScope, int wrong) {
    }

    /** Every score that occurs among the questions, highest first, with what a threshold there takes in. */
    private static List<Step> steps(List<Observation> questions) {
        List<Observation> sorted = questions.stream()
                .sorted(Comparator.comparingDouble(Observation::top).reversed()).toList();
        var steps = new ArrayList<Step>();
        int right = 0;
        int outOfScope = 0;
        int wrong = 0;
        for (int i = 0; i < sorted.size(); ) {
            double score = sorted.get(i).top();
            for (; i < sorted.size() && sorted.get(i).top() == score; i++) {
                Observation o = sorted.get(i);
                if (!o.inScope()) outOfScope++;
                else if (o.topCorrect()) right++;
                else wrong++;
            }
            steps.add(new Step(score, i < sorted.size() ? sorted.get(i).top() : 0, right, outOfScope, wrong));
        }
        return steps;
    }

    /**
     * Sweeps the answer threshold down through the scores that occur (questions whose lead is under the margin
     * are never answered) and keeps the best cut that declines enough; answering nothing always does.
     */
    private static Cut bestCut(List<Observation> band, double margin, int outOfScope, double targetRejection) {
        List<Step> steps = steps(band.stream().filter(o -> o.top() - o.runnerUp() >= margin).toList());
        int allowedAnswered = (int) Math.floor(outOfScope * (1 - targetRejection) + 1e-9);
        Cut best = new Cut(Double.POSITIVE_INFINITY, steps.isEmpty() ? 1 : steps.get(0).lowest(), margin, outOfScope, 0, 0);
        for (Step step : steps) {
            if (step.outOfScope() > allowedAnswered) break;
            Cut cut = new Cut(step.lowest(), step.nextBelow(), margin, step.right() + outOfScope - step.outOfScope(),
                    step.outOfScope(), step.wrong());
            if (better(cut, best)) best = cut;
        }
        return best;
    }

    private static boolean better(Cut a, Cut b) {
        if (a.right() != b.right()) return a.right() > b.right();
        if (a.outOfScopeAnswered() != b.outOfScopeAnswered()) return a.outOfScopeAnswered() < b.outOfScopeAnswered();
        if (a.wrongAnswers() != b.wrongAnswers()) return a.wrongAnswers() < b.wrongAnswers();
        return a.margin() < b.margin();
    }

    /**
     * The clarify threshold: scores at or above it offer suggestions. Maximises the mean of the share of in-scope
     * questions with the right entry first among them and the share of out-of-scope questions declined outright.
     */
    private static double clarifyThreshold(List<Observation> band) {
        int inScope = (int) band.stream().filter(Observation::inScope).count();
        int outOfScope = band.size() - inScope;
        if (inScope == 0 || outOfScope == 0) return inScope == 0 ? 1 : 0;
        double bestValue = 0.5; // offering nothing: no in-scope question helped, every out-of-scope one declined
        Step best = null;
        for (Step step : steps(band)) {
            double value = 0.5 * step.right() / inScope + 0.5 * (outOfScope - step.outOfScope()) / outOfScope;
            if (value > bestValue) {
                bestValue = value;
                best = step;
            }
        }
        return best == null ? 1 : midpoint(best.lowest(), best.nextBelow());
    }

    /** Halfway between the lowest score a threshold takes in and the next score below; 1 when it takes none. */
    private static double midpoint(double lowestTaken, double nextBelow) {
        if (Double.isInfinite(lowestTaken)) return 1;
        return Math.min(1, (lowestTaken + nextBelow) / 2);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
