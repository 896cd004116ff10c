package io.kefu.qa;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationKey;
import io.kefu.qa.calibrate.CalibrationSet;
import io.kefu.qa.calibrate.Calibrator;
import io.kefu.qa.calibrate.RankingProbe;
import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.IndexedPhrasing;
import io.kefu.qa.intent.Intent;
import io.kefu.qa.rank.RankingModel;
import io.kefu.qa.rank.Thresholds;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Makes the snapshots a bot answers from: the index of a knowledge base, its thresholds and a decider per length
 * band, warmed up. The thresholds are the model's when the bot was not asked to calibrate; otherwise a cached
 * calibration made from the same content, model and code, or a new one (stored in the cache).
 */
final class Snapshots {

    /** How many questions of each kind the behaviour part of the key asks. */
    private static final int FINGERPRINT_QUESTIONS = 32;

    private final MatchingPipeline pipeline;
    private final TextAnalyzer analyzer;
    private final Lexicon lexicon;
    private final RankingModel model;
    /** The learned representation, or null. */
    private final SemanticModel semantic;
    private final Thresholds modelThresholds;
    private final List<Intent> intents;
    private final Calibrator calibrator;
    private final CalibrationCache cache;
    private volatile CalibrationSet set;

    /**
     * @param intents the intents the deciders act on
     * @param set     the calibration questions, or null to keep the model's thresholds
     */
    Snapshots(MatchingPipeline pipeline, TextAnalyzer analyzer, Lexicon lexicon, RankingModel model,
              SemanticModel semantic, Thresholds modelThresholds, List<Intent> intents, Calibrator calibrator,
              CalibrationCache cache, CalibrationSet set) {
        this.pipeline = pipeline;
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        this.model = model;
        this.semantic = semantic;
        this.modelThresholds = modelThresholds;
        this.intents = List.copyOf(intents);
        this.calibrator = calibrator;
        this.cache = cache;
        this.set = set;
    }

    /** A snapshot of a knowledge base, calibrated and warm, ready to be swapped in. */
    Snapshot ready(KnowledgeBase knowledge) {
        Snapshot built = Snapshot.build(knowledge, analyzer, semantic);
        try {
            return warm(decidingWith(built, calibration(built, true)));
        } catch (RuntimeException e) {
            built.close(); // never swapped in: nobody else would close its index
            throw e;
        }
    }

    /**
     * The same index with thresholds calibrated anew with other questions, which later snapshots use too; whatever
     * is cached is ignored. Shares the index with {@code current}: replace that one, do not close it.
     */
    Snapshot recalibrated(Snapshot current, CalibrationSet questions) {
        this.set = questions;
        return decidingWith(current, calibration(current, false));
    }

    private Snapshot decidingWith(Snapshot built, Calibration thresholds) {
        return built.deciding(thresholds, t -> new ReplyDecider(t, intents));
    }

    /**
     * Runs a few questions through a fresh index before it serves customers, so the first real question does not
     * pay for class loading and cold caches.
     */
    private Snapshot warm(Snapshot fresh) {
        List<IndexedPhrasing> phrasings = fresh.index().phrasings();
        for (int i = 0; i < Math.min(50, phrasings.size()); i++) {
            pipeline.ask(phrasings.get(i * Math.max(1, phrasings.size() / 50) % phrasings.size()).text(), fresh);
        }
        return fresh;
    }

    /** The calibration for a freshly built snapshot; {@code useCache} false makes a new one whatever is kept. */
    private Calibration calibration(Snapshot built, boolean useCache) {
        CalibrationSet questions = set;
        if (questions == null) {
            return Calibration.model(modelThresholds, "not calibrated: the bot was built without calibration questions",
                    Calibration.Data.NONE);
        }
        String key = key(built, questions);
        if (useCache) {
            var kept = cache.find(key);
            if (kept.isPresent()) return kept.get();
        }
        Calibration made = calibrator.calibrate(built.knowledge(), questions, probes(built), modelThresholds).withKey(key);
        cache.store(made);
        return made;
    }

    /** Probes over the snapshot itself for its own knowledge base, over a fresh index for any other. */
    private RankingProbe.Factory probes(Snapshot built) {
        return knowledge -> knowledge == built.knowledge()
                ? new PipelineProbe(pipeline, built, false)
                : new PipelineProbe(pipeline, Snapshot.build(knowledge, analyzer, semantic), true);
    }

    /**
     * The content (entries, lexicon), the model and the code's behaviour: the rankings of a few generic questions and
     * of one phrasing of every few entries, which move whenever a stage computes differently.
     */
    private String key(Snapshot built, CalibrationSet questions) {
        var key = new CalibrationKey();
        for (FaqEntry entry : built.knowledge().entries()) {
            key.add(entry.id()).add(entry.question());
            entry.similar().forEach(key::add);
            key.add("");
        }
        key.add(String.join(" ", new TreeSet<>(lexicon.domainWords())));
        lexicon.synonyms().forEach(group -> key.add(String.join(" ", group)));
        key.add(String.join(" ", new TreeSet<>(lexicon.stopWords())));
        key.addJson(model).addJson(modelThresholds).add(calibrator.toString());
        if (semantic != null) key.add("semantic " + semantic.fingerprint());
        List<FaqEntry> entries = built.knowledge().entries();
        var probes = new java.util.ArrayList<>(questions.outOfScope().stream().limit(FINGERPRINT_QUESTIONS).toList());
        int step = Math.max(1, entries.size() / FINGERPRINT_QUESTIONS);
        for (int i = 0; i < entries.size(); i += step) probes.add(entries.get(i).phrasings().get(entries.get(i).phrasings().size() - 1));
        for (String question : probes) {
            RankingProbe.Top top = pipeline.top(question, built);
            key.add(String.format(Locale.ROOT, "%d %s %.9f %.9f", top.length(), top.bestId(), top.best(), top.runnerUp()));
        }
        return key.hex();
    }
}
