package io.kefu.qa.eval;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.QaBot;
import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationJson;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code calibrate}: fits the decision thresholds on a knowledge base as a bot does at start, prints them with the
 * data and what they achieve, and with {@code --out} writes them where a knowledge folder keeps its calibration.
 */
final class CalibrateCommand {

    private final PrintStream out;

    CalibrateCommand(PrintStream out) {
        this.out = out;
    }

    void run(Arguments options) {
        Path kb = Path.of(options.require("kb"));
        KnowledgeBase knowledge = EvaluatorCli.knowledgeBase(kb);
        CalibrationOptions calibration = CalibrationOptions.from(options, kb).fresh();
        long start = System.nanoTime();
        try (QaBot bot = calibration.apply(EvaluatorCli.withSemantic(QaBot.builder().knowledge(knowledge)
                .lexicon(EvaluatorCli.lexicon(options)).model(EvaluatorCli.model(options)), EvaluatorCli.semantic(options)))
                .build()) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            Calibration made = bot.calibration();
            Map<String, Object> report = report(made);
            report.put("build_and_calibration_ms", millis);
            out.println(made.summary());
            Report.table(out, "calibration of " + kb, report);
            String file = options.get("out", null);
            if (file != null) write(Path.of(file), CalibrationJson.write(made));
            out.println(Report.json(report));
        }
    }

    /** A calibration as the evaluator reports it. */
    static Map<String, Object> report(Calibration calibration) {
        var report = new LinkedHashMap<String, Object>();
        report.put("method", calibration.method().name().toLowerCase(java.util.Locale.ROOT));
        if (!calibration.reason().isEmpty()) report.put("reason", calibration.reason());
        Calibration.Data data = calibration.data();
        report.put("held_out_phrasings", data.heldOutPhrasings());
        report.put("folds", data.folds());
        report.put("development_in_scope", data.developmentInScope());
        report.put("development_out_of_scope", data.developmentOutOfScope());
        report.put("generic_out_of_scope", data.genericOutOfScope());
        report.put("accuracy", FaqMetrics.round(calibration.achieved().accuracy()));
        report.put("rejection", FaqMetrics.round(calibration.achieved().rejection()));
        var bands = new LinkedHashMap<String, Object>();
        for (Calibration.Band band : calibration.bands()) {
            var b = new LinkedHashMap<String, Object>();
            b.put("answer", FaqMetrics.round(band.thresholds().answer()));
            b.put("clarify", FaqMetrics.round(band.thresholds().clarify()));
            b.put("margin", band.thresholds().margin());
            b.put("in_scope", band.achieved().inScope());
            b.put("out_of_scope", band.achieved().outOfScope());
            b.put("accuracy", FaqMetrics.round(band.achieved().accuracy()));
            b.put("rejection", FaqMetrics.round(band.achieved().rejection()));
            bands.put(band.label(), b);
        }
        report.put("bands", bands);
        return report;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
