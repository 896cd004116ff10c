package io.kefu.server.ask;

import io.kefu.qa.Trace;
import io.kefu.qa.calibrate.AppliedThresholds;
import io.kefu.qa.calibrate.Calibration;

import java.util.List;
import java.util.Locale;

/**
 * What the pipeline saw and decided, for {@code /api/ask?trace=true}: the content team's "why this answer?".
 *
 * @param normalized the question after normalisation
 * @param tokens     the segmented words
 * @param candidates the best standard questions with the ranker's scores
 * @param decidedBy  the rule that decided
 * @param thresholds the thresholds applied and how they were chosen
 * @param micros     time in the pipeline
 */
public record AskTrace(String normalized, List<String> tokens, List<Candidate> candidates, String decidedBy,
                       Thresholds thresholds, long micros) {

    /** One ranked standard question. */
    public record Candidate(String id, String question, String matched, double score) {
    }

    /**
     * The thresholds of the message's length band, and the calibration they come from.
     *
     * @param band      the band's lengths, e.g. {@code 11-20} (letters and digits)
     * @param method    {@code calibrated} (fitted on this knowledge base) or {@code model}
     * @param reason    why the model's thresholds are used, if they are
     * @param objective what the calibration maximised, under which constraint
     * @param data      how many questions of each kind it was fitted on
     * @param achieved  what the thresholds achieved on them, all bands together
     * @param inBand    what the band's thresholds achieved on the band's questions
     */
    public record Thresholds(String band, double answer, double clarify, double margin, String method, String reason,
                             String objective, Calibration.Data data, Calibration.Fit achieved,
                             Calibration.Fit inBand) {
    }

    static AskTrace of(Trace trace) {
        List<Candidate> candidates = trace.candidates().stream().limit(5)
                .map(c -> new Candidate(c.id(), c.question(), c.matched(), round(c.score()))).toList();
        return new AskTrace(trace.normalized(), trace.tokens(), candidates, trace.decidedBy(),
                trace.thresholds() == null ? null : thresholds(trace.thresholds()), trace.micros());
    }

    private static Thresholds thresholds(AppliedThresholds applied) {
        Calibration calibration = applied.calibration();
        return new Thresholds(applied.band().label(), round(applied.thresholds().answer()),
                round(applied.thresholds().clarify()), applied.thresholds().margin(),
                calibration.method().name().toLowerCase(Locale.ROOT), calibration.reason(), calibration.objective(),
                calibration.data(), calibration.achieved(), applied.band().achieved());
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
