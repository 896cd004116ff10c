package io.kefu.qa.eval;

import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationSet;
import io.kefu.qa.calibrate.Calibrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How {@code eval} and {@code calibrate} set the decision thresholds, from the command line:
 *
 * <pre>
 * --thresholds calibrated|model   fit them on the knowledge base (default) or keep the model's
 * --calibration-questions FILE    development questions (query TAB expected_id), repeatable
 * --out-of-scope FILE             generic out-of-scope questions, one a line (default: a knowledge folder's own,
 *                                 else calibration/out-of-scope.txt of the --knowledge folder)
 * --bands 10,20|none              the longest message of each length band but the last
 * --folds N                       how many indexes the held-out phrasings are spread over
 * </pre>
 *
 * A knowledge folder's own calibration questions are always used, and its kept calibration is reused when it
 * matches (never by {@code calibrate}, which always fits anew).
 *
 * @param set   the calibration questions, or null with {@code --thresholds model}
 * @param cache where a matching calibration may already be
 */
record CalibrationOptions(CalibrationSet set, CalibrationCache cache, Calibrator calibrator) {

    static CalibrationOptions from(Arguments options, Path kb) {
        String thresholds = options.get("thresholds", "calibrated");
        if (!thresholds.equals("calibrated") && !thresholds.equals("model")) {
            throw new IllegalArgumentException("--thresholds must be calibrated or model");
        }
        KnowledgeFolder folder = Files.isDirectory(kb) ? KnowledgeFolder.open(kb) : null;
        var calibrator = new Calibrator(Integer.parseInt(options.get("folds", String.valueOf(Calibrator.DEFAULT_FOLDS))),
                bands(options.get("bands", null)));
        if (thresholds.equals("model")) return new CalibrationOptions(null, CalibrationCache.none(), calibrator);
        CalibrationSet set = folder != null && folder.calibrationSet().isPresent() && options.get("out-of-scope", null) == null
                ? folder.calibrationSet().get() : new CalibrationSet(List.of(), outOfScope(options));
        for (String file : options.all("calibration-questions")) {
            set = set.and(new CalibrationSet(CalibrationSet.parseQuestions(read(Path.of(file))), List.of()));
        }
        return new CalibrationOptions(set, folder == null ? CalibrationCache.none() : folder.calibrationCache(), calibrator);
    }

    /** The builder, calibrating (with the cache) or not. */
    QaBot.Builder apply(QaBot.Builder builder) {
        builder.calibrator(calibrator);
        return set == null ? builder.modelThresholds() : builder.calibrate(set).calibrationCache(cache);
    }

    /** Without the cache: a calibration made now. */
    CalibrationOptions fresh() {
        return new CalibrationOptions(set, CalibrationCache.none(), calibrator);
    }

    private static List<String> outOfScope(Arguments options) {
        Path file = Path.of(options.get("out-of-scope", Path.of(options.get("knowledge",
                EvaluatorCli.DEFAULT_KNOWLEDGE.toString())).resolve(KnowledgeFolder.OUT_OF_SCOPE).toString()));
        return Files.exists(file) ? CalibrationSet.parseLines(read(file)) : List.of();
    }

    private static List<Integer> bands(String spec) {
        if (spec == null) return Calibrator.DEFAULT_BANDS;
        if (spec.equals("none")) return List.of();
        return Arrays.stream(spec.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
