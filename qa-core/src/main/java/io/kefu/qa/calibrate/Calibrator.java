package io.kefu.qa.calibrate;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.rank.Thresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fits the answer / clarify / decline thresholds on a deployment's own knowledge ({@link Calibration#OBJECTIVE}):
 * every similar phrasing asked against an index without it ({@link HeldOutFolds}) and the development questions
 * are the in-scope questions; the out-of-scope development questions and the generic out-of-scope questions must
 * be declined. Messages are split into length bands ({@link LengthBands}), each with thresholds of its own, because
 * a long message matches a short phrasing with a lower score than a short one does. With too few questions it
 * keeps the model's thresholds and says why.
 *
 * <p>No I/O: the pipeline comes in as a {@link RankingProbe.Factory}, the questions as a {@link CalibrationSet}.
 */
public final class Calibrator {

    /** Changes whenever the way a calibration is computed changes, so that a cached one is not reused. */
    public static final int VERSION = 1;

    /** How many indexes the held-out phrasings are spread over. */
    public static final int DEFAULT_FOLDS = 4;

    /**
     * The longest message of each band but the last: a word or two (up to 4 letters: often a dialogue word such as
     * 没有 that matches some phrasing by a character), short questions (5 to 10), sentences (11 to 20) and long,
     * chatty messages (21 and more), whose best match scores lowest.
     */
    public static final List<Integer> DEFAULT_BANDS = List.of(4, 10, 20);

    private final int folds;
    private final List<Integer> bandBounds;

    public Calibrator() {
        this(DEFAULT_FOLDS, DEFAULT_BANDS);
    }

    /**
     * @param folds      how many indexes to spread the held-out phrasings over (more: closer to leaving one out)
     * @param bandBounds the longest length of each band but the last, ascending
     */
    public Calibrator(int folds, List<Integer> bandBounds) {
        if (folds < 2) throw new IllegalArgumentException("at least 2 folds, got " + folds);
        for (int i = 1; i < bandBounds.size(); i++) {
            if (bandBounds.get(i) <= bandBounds.get(i - 1)) throw new IllegalArgumentException("bands must ascend");
        }
        this.folds = folds;
        this.bandBounds = List.copyOf(bandBounds);
    }

    /** The settings, e.g. for a cache key: a calibration made with other settings is another calibration. */
    @Override
    public String toString() {
        return "Calibrator v" + VERSION + " folds=" + folds + " bands=" + bandBounds;
    }

    /**
     * @param knowledge the knowledge base the thresholds are for
     * @param set       its development questions and the out-of-scope questions
     * @param probes    the pipeline over a knowledge base
     * @param model     the model's thresholds, kept when there is too little to fit on
     */
    public Calibration calibrate(KnowledgeBase knowledge, CalibrationSet set, RankingProbe.Factory probes,
                                 Thresholds model) {
        var observations = new ArrayList<Observation>();
        List<HeldOutFolds.Fold> heldOut = HeldOutFolds.of(knowledge, folds);
        for (HeldOutFolds.Fold fold : heldOut) {
            observations.addAll(observe(probes, fold.knowledge(), fold.heldOut(), Observation.Source.HELD_OUT_PHRASING));
        }
        Set<String> ids = knowledge.entries().stream().map(e -> e.id()).collect(Collectors.toSet());
        List<CalibrationSet.LabelledQuestion> development = set.development().stream()
                .filter(q -> !q.inScope() || ids.contains(q.expectedId())).toList();
        var generic = set.outOfScope().stream().map(q -> new CalibrationSet.LabelledQuestion(q, "")).toList();
        try (RankingProbe full = probes.over(knowledge)) {
            observations.addAll(observe(full, development, Observation.Source.DEVELOPMENT));
            observations.addAll(observe(full, generic, Observation.Source.GENERIC_OUT_OF_SCOPE));
        }
        int developmentInScope = (int) development.stream().filter(CalibrationSet.LabelledQuestion::inScope).count();
        var data = new Calibration.Data(heldOut.stream().mapToInt(f -> f.heldOut().size()).sum(), heldOut.size(),
                developmentInScope, development.size() - developmentInScope, generic.size(),
                set.development().size() - development.size());
        return fit(observations, data, model);
    }

    /** Thresholds per band from observed questions, or the model's when there are too few. */
    Calibration fit(List<Observation> observations, Calibration.Data data, Thresholds model) {
        if (data.inScope() < LengthBands.MIN_IN_SCOPE || data.outOfScope() < LengthBands.MIN_OUT_OF_SCOPE) {
            return Calibration.model(model, String.format(java.util.Locale.ROOT,
                    "too few calibration questions: %d in scope (%d held-out phrasings, %d development), %d out of"
                            + " scope; at least %d and %d needed", data.inScope(), data.heldOutPhrasings(),
                    data.developmentInScope(), data.outOfScope(), LengthBands.MIN_IN_SCOPE,
                    LengthBands.MIN_OUT_OF_SCOPE), data);
        }
        var bands = new ArrayList<Calibration.Band>();
        for (LengthBands.Range range : LengthBands.split(observations, bandBounds)) {
            ThresholdFit.Result result = ThresholdFit.fit(range.observations(), Calibration.TARGET_REJECTION);
            bands.add(new Calibration.Band(range.min(), range.max(), result.thresholds(), result.achieved()));
        }
        return new Calibration(Calibration.Method.CALIBRATED, "", Calibration.OBJECTIVE, bands, data,
                ThresholdFit.achieved(observations, o -> bandOf(bands, o.length()).thresholds()), "");
    }

    private static Calibration.Band bandOf(List<Calibration.Band> bands, int length) {
        return bands.stream().filter(b -> b.contains(length)).findFirst().orElseThrow();
    }

    private static List<Observation> observe(RankingProbe.Factory probes, KnowledgeBase knowledge,
                                             List<CalibrationSet.LabelledQuestion> questions, Observation.Source source) {
        try (RankingProbe probe = probes.over(knowledge)) {
            return observe(probe, questions, source);
        }
    }

    /** Asks on every core: the probe is thread-safe, and a calibration asks thousands of questions. */
    private static List<Observation> observe(RankingProbe probe, List<CalibrationSet.LabelledQuestion> questions,
                                             Observation.Source source) {
        return questions.parallelStream().map(q -> Observation.of(source, probe.top(q.text()), q.expectedId())).toList();
    }
}
