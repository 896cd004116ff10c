package io.kefu.server.system;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.QaBot;
import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * How new content reaches the running bot, with thresholds calibrated for it: the content console calls
 * {@link #publish} when an editor publishes, and {@link #recalibrate} when only the calibration questions changed.
 * Both work in the background; questions keep being answered from the content and thresholds in force until the
 * new ones are swapped in.
 */
@Component
public class KnowledgeUpdates {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeUpdates.class);

    private final QaBot bot;
    private final CalibrationSet questions;

    KnowledgeUpdates(QaBot bot, CalibrationSet calibrationQuestions) {
        this.bot = bot;
        this.questions = calibrationQuestions;
    }

    /**
     * Rebuilds the index for new content and calibrates its thresholds (reusing a calibration kept for the same
     * content, model and code), then swaps both in.
     *
     * @return the calibration in force once the new content answers
     */
    public CompletableFuture<Calibration> publish(KnowledgeBase knowledge) {
        long start = System.nanoTime();
        return bot.reload(knowledge).thenApply(done -> logged("published " + knowledge.size() + " standard questions",
                bot.calibration(), start));
    }

    /** Fits the thresholds of the content in force again, ignoring any kept calibration, and swaps them in. */
    public CompletableFuture<Calibration> recalibrate() {
        long start = System.nanoTime();
        return bot.recalibrate(questions).thenApply(made -> logged("recalibrated", made, start));
    }

    private static Calibration logged(String what, Calibration calibration, long start) {
        log.info("{} in {} ms: {}", what, (System.nanoTime() - start) / 1_000_000, calibration.summary());
        return calibration;
    }
}
