package io.kefu.knowledge;

import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The calibration kept with the bundled content ({@code calibration/thresholds.json}) is the one the content, the
 * model and the code make today, so that the server starts without calibrating; it was fitted with the
 * development questions of {@code dev/questions.tsv}, which the server does not have.
 */
class KeptCalibrationTest {

    static final Path DEVELOPMENT = Path.of("dev", "questions.tsv");

    private static final String REMAKE = "the kept calibration is stale (content, model or ranking code changed): remake it"
            + " from the repository root with  java -jar qa-eval/target/qa-eval-0.1.0-SNAPSHOT-cli.jar calibrate --kb"
            + " knowledge/src/main/resources/knowledge --calibration-questions knowledge/dev/questions.tsv --out"
            + " knowledge/src/main/resources/knowledge/" + KnowledgeFolder.KEPT_CALIBRATION;

    @Test
    void theBundledBotStartsWithTheKeptCalibration() {
        try (QaBot bot = Demo.KNOWLEDGE.botBuilder().build()) {
            Calibration used = bot.calibration();
            assertEquals(Calibration.Method.CALIBRATED, used.method(), used.summary());
            assertEquals(developmentQuestions().stream().filter(CalibrationSet.LabelledQuestion::inScope).count(),
                    used.data().developmentInScope(), REMAKE);
        }
    }

    @Test
    void calibratingAgainMakesTheKeptCalibration() {
        CalibrationSet questions = Demo.KNOWLEDGE.calibrationSet().orElseThrow()
                .and(new CalibrationSet(developmentQuestions(), List.of()));
        Calibration kept;
        try (QaBot cached = Demo.KNOWLEDGE.botBuilder().build()) {
            kept = cached.calibration();
        }
        try (QaBot fresh = Demo.KNOWLEDGE.botBuilder().calibrate(questions)
                .calibrationCache(CalibrationCache.none()).build()) {
            assertEquals(fresh.calibration(), kept, REMAKE);
        }
    }

    private static List<CalibrationSet.LabelledQuestion> developmentQuestions() {
        try {
            return CalibrationSet.parseQuestions(Files.readString(DEVELOPMENT));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
