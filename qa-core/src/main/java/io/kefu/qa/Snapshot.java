package io.kefu.qa;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.expand.HomophoneCorrector;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.rank.PhrasingProfiles;
import io.kefu.qa.rank.Thresholds;

import java.util.List;
import java.util.function.Function;

/**
 * One knowledge base ready to answer: its index, its vocabulary for homophone correction, the ranking profiles of
 * its phrasings, and the thresholds calibrated for it (a decider per length band), all made for the same content
 * and swapped in and out together.
 *
 * @param deciders one per band of {@code calibration}, in the same order; empty until {@link #deciding} (a snapshot
 *                 that only ranks, e.g. for calibration, decides nothing)
 */
record Snapshot(KnowledgeBase knowledge, FaqIndex index, HomophoneCorrector homophones, PhrasingProfiles profiles,
                Calibration calibration, List<ReplyDecider> deciders) implements AutoCloseable {

    /** A snapshot that ranks but does not decide yet; {@code semantic} may be null (lexical ranking only). */
    static Snapshot build(KnowledgeBase knowledge, TextAnalyzer analyzer, SemanticModel semantic) {
        FaqIndex index = FaqIndex.build(knowledge, analyzer, semantic);
        return new Snapshot(knowledge, index, HomophoneCorrector.of(index.statistics().conceptsByFrequency()),
                PhrasingProfiles.of(index), null, List.of());
    }

    /** The same index deciding with a calibration's thresholds; closing either closes the index they share. */
    Snapshot deciding(Calibration newCalibration, Function<Thresholds, ReplyDecider> decider) {
        return new Snapshot(knowledge, index, homophones, profiles, newCalibration,
                newCalibration.bands().stream().map(band -> decider.apply(band.thresholds())).toList());
    }

    /** The decider for a band of this snapshot's calibration. */
    ReplyDecider decider(Calibration.Band band) {
        return deciders.get(calibration.bands().indexOf(band));
    }

    /** See {@link FaqIndex#tryAcquire()}. */
    boolean tryAcquire() {
        return index.tryAcquire();
    }

    void release() {
        index.release();
    }

    @Override
    public void close() {
        index.close();
    }
}
