package io.kefu.qa.calibrate;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.rank.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calibration over a scripted ranking: which questions it asks where, and the thresholds it chooses. */
class CalibratorTest {

    private static final Thresholds MODEL = new Thresholds(0.6, 0.3, 0.02);

    /** {@code entries} entries of {@code similar} phrasings each, every phrasing naming its entry. */
    private static KnowledgeBase knowledge(int entries, int similar) {
        return new KnowledgeBase(IntStream.range(0, entries).mapToObj(e -> new FaqEntry("e" + e, "标准问题" + e,
                IntStream.range(0, similar).mapToObj(s -> "问法" + e + "之" + s).toList(), "答案" + e, "")).toList());
    }

    private static List<String> outOfScope(int count) {
        return IntStream.range(0, count).mapToObj(i -> "无关的问题" + i).toList();
    }

    /**
     * A ranking that finds a phrasing's entry with {@code inScope} and anything else with {@code outOfScope}, and
     * fails the test if a phrasing is asked against a knowledge base that still has it.
     */
    private static final class ScriptedProbes implements RankingProbe.Factory {
        private final Map<String, String> entryOf;
        private final double inScope;
        private final double outOfScope;
        final Map<String, Integer> asked = new ConcurrentHashMap<>();
        final List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());

        ScriptedProbes(KnowledgeBase full, double inScope, double outOfScope) {
            this.entryOf = full.entries().stream().flatMap(e -> e.similar().stream().map(s -> Map.entry(s, e.id())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            this.inScope = inScope;
            this.outOfScope = outOfScope;
        }

        @Override
        public RankingProbe over(KnowledgeBase knowledge) {
            var present = knowledge.entries().stream().flatMap(e -> e.similar().stream()).collect(Collectors.toSet());
            boolean full = present.size() == entryOf.size();
            return new RankingProbe() {
                @Override
                public Top top(String question) {
                    asked.merge(question, 1, Integer::sum);
                    String entry = entryOf.get(question);
                    if (entry == null) return new Top(question.length(), "e0", outOfScope, outOfScope / 3);
                    if (!full && present.contains(question)) leaks.add(question);
                    return new Top(question.length(), entry, inScope, inScope / 4);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void aWideGapGetsItsAnswerThresholdInTheMiddle() {
        KnowledgeBase kb = knowledge(10, 6);
        var probes = new ScriptedProbes(kb, 0.8, 0.2);
        Calibration calibration = new Calibrator(4, List.of()).calibrate(kb,
                new CalibrationSet(List.of(), outOfScope(30)), probes, MODEL);
        assertEquals(Calibration.Method.CALIBRATED, calibration.method(), calibration.reason());
        assertEquals(1, calibration.bands().size());
        Thresholds t = calibration.bands().get(0).thresholds();
        assertEquals(0.5, t.answer(), 1e-12, "halfway between the out-of-scope 0.2 and the in-scope 0.8");
        assertTrue(t.clarify() > 0.2 && t.clarify() <= t.answer(), t.toString());
        assertEquals(1.0, calibration.achieved().accuracy());
        assertEquals(1.0, calibration.achieved().rejection());
        assertEquals(new Calibration.Data(60, 4, 0, 0, 30, 0), calibration.data());
    }

    @Test
    void everySimilarPhrasingIsAskedOnceAgainstAnIndexWithoutIt() {
        KnowledgeBase kb = knowledge(8, 7);
        var probes = new ScriptedProbes(kb, 0.8, 0.2);
        new Calibrator(3, List.of()).calibrate(kb, new CalibrationSet(List.of(), outOfScope(25)), probes, MODEL);
        List<String> similar = kb.entries().stream().flatMap(e -> e.similar().stream()).toList();
        assertEquals(List.of(), probes.leaks);
        for (String phrasing : similar) assertEquals(1, probes.asked.get(phrasing), phrasing);
        assertFalse(probes.asked.containsKey("标准问题0"), "the standard question stays in every index");
    }

    @Test
    void tooFewPhrasingsKeepTheModelsThresholdsAndSaySo() {
        KnowledgeBase kb = knowledge(5, 2);
        Calibration calibration = new Calibrator().calibrate(kb, new CalibrationSet(List.of(), outOfScope(40)),
                new ScriptedProbes(kb, 0.8, 0.2), MODEL);
        assertEquals(Calibration.Method.MODEL, calibration.method());
        assertEquals(MODEL, calibration.bandFor(5).thresholds());
        assertTrue(calibration.reason().contains("too few calibration questions: 10 in scope"), calibration.reason());
        assertTrue(calibration.summary().startsWith("model thresholds (too few"), calibration.summary());
    }

    @Test
    void tooFewOutOfScopeQuestionsAlsoKeepTheModelsThresholds() {
        KnowledgeBase kb = knowledge(10, 6);
        Calibration calibration = new Calibrator().calibrate(kb, new CalibrationSet(List.of(), outOfScope(5)),
                new ScriptedProbes(kb, 0.8, 0.2), MODEL);
        assertEquals(Calibration.Method.MODEL, calibration.method());
        assertTrue(calibration.reason().contains("5 out of scope"), calibration.reason());
    }

    @Test
    void developmentQuestionsCountWithTheirLabelAndThoseOfRemovedEntriesAreSkipped() {
        KnowledgeBase kb = knowledge(10, 6);
        var development = List.of(new CalibrationSet.LabelledQuestion("问法1之0", "e1"),
                new CalibrationSet.LabelledQuestion("别的事情", ""),
                new CalibrationSet.LabelledQuestion("问法3之1", "gone"));
        Calibration calibration = new Calibrator(4, List.of()).calibrate(kb,
                new CalibrationSet(development, outOfScope(30)), new ScriptedProbes(kb, 0.8, 0.2), MODEL);
        assertEquals(new Calibration.Data(60, 4, 1, 1, 30, 1), calibration.data());
    }

    @Test
    void eachLengthBandGetsThresholdsOfItsOwn() {
        // long messages score lower, in scope and out of it: one threshold for all would fail one of the two
        var observations = new ArrayList<Observation>();
        for (int i = 0; i < 60; i++) {
            observations.add(in(5, 0.6 + i * 0.001));
            observations.add(in(30, 0.3 + i * 0.001));
        }
        for (int i = 0; i < 40; i++) {
            observations.add(out(5, 0.4 + i * 0.001));
            observations.add(out(30, 0.1 + i * 0.001));
        }
        Calibration banded = new Calibrator(4, List.of(20)).fit(observations, new Calibration.Data(0, 0, 120, 80, 0, 0), MODEL);
        assertEquals(2, banded.bands().size());
        assertEquals(1.0, banded.achieved().accuracy());
        assertTrue(banded.bandFor(5).thresholds().answer() > 0.44 && banded.bandFor(5).thresholds().answer() < 0.6);
        assertTrue(banded.bandFor(30).thresholds().answer() > 0.14 && banded.bandFor(30).thresholds().answer() < 0.3);
        Calibration single = new Calibrator(4, List.of()).fit(observations, new Calibration.Data(0, 0, 120, 80, 0, 0), MODEL);
        assertTrue(single.achieved().accuracy() < 0.8, "one band answers few long messages: " + single.summary());
        assertTrue(single.achieved().rejection() >= Calibration.TARGET_REJECTION);
    }

    @Test
    void aBandWithTooFewQuestionsJoinsItsNeighbour() {
        var observations = new ArrayList<Observation>();
        for (int i = 0; i < 40; i++) observations.add(in(5, 0.7));
        for (int i = 0; i < 30; i++) observations.add(out(5, 0.2));
        for (int i = 0; i < 5; i++) observations.add(in(40, 0.5));
        Calibration calibration = new Calibrator(4, List.of(10, 20)).fit(observations,
                new Calibration.Data(0, 0, 45, 30, 0, 0), MODEL);
        assertEquals(1, calibration.bands().size(), calibration.summary());
        assertEquals("0+", calibration.bands().get(0).label());
    }

    @Test
    void rejectsAtLeastTheTargetShareWhenScoresOverlap() {
        var observations = new ArrayList<Observation>();
        for (int i = 0; i < 200; i++) observations.add(in(5, 0.3 + 0.6 * i / 200));
        for (int i = 0; i < 60; i++) observations.add(out(5, 0.5 * i / 60));
        Calibration calibration = new Calibrator(4, List.of()).fit(observations, new Calibration.Data(0, 0, 200, 60, 0, 0), MODEL);
        Calibration.Fit fit = calibration.achieved();
        assertTrue(fit.rejection() >= Calibration.TARGET_REJECTION, fit.toString());
        double answer = calibration.bands().get(0).thresholds().answer();
        long answeredOut = observations.stream().filter(o -> !o.inScope() && o.top() >= answer).count();
        assertEquals(3, answeredOut, "the constraint allows 3 of 60 and accuracy wants as many answers as it allows");
    }

    private static Observation in(int length, double score) {
        return new Observation(Observation.Source.DEVELOPMENT, length, true, true, score, 0);
    }

    private static Observation out(int length, double score) {
        return new Observation(Observation.Source.GENERIC_OUT_OF_SCOPE, length, false, false, score, 0);
    }
}
