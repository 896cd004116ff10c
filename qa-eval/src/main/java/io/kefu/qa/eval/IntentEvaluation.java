package io.kefu.qa.eval;

import io.kefu.qa.internal.IntentClassifier;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Intent classification by templates: the top hit of the matcher is the predicted intent, and an utterance with no
 * hit counts as wrong. Reports accuracy, macro F1 over the gold labels of the split, and coverage (the share of
 * utterances with any hit).
 */
final class IntentEvaluation {

    /** One labelled utterance of {@code utterances.tsv} (columns text, intent, split). */
    record Utterance(String text, String intent, String split) {
    }

    /** Per label: how often it was expected, predicted, and both. */
    private static final class Counts {
        int gold;
        int predicted;
        int correct;

        double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private IntentEvaluation() {
    }

    static List<Utterance> utterances(Path file, String split) {
        var out = new ArrayList<Utterance>();
        for (Map<String, String> row : Tsv.read(file)) {
            var utterance = new Utterance(Tsv.require(row, "text", file), Tsv.require(row, "intent", file),
                    row.getOrDefault("split", ""));
            if (split == null || split.equals(utterance.split())) out.add(utterance);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(file + " has no utterances" + (split == null ? "" : " in split " + split));
        return out;
    }

    /**
     * Classifies every utterance, prints the per-label table, and returns the summary.
     *
     * @param errors receives "text, expected, predicted" for each wrong utterance
     */
    static Map<String, Object> run(IntentClassifier classifier, List<Utterance> utterances, PrintStream out,
                                   List<String> errors) {
        List<String> texts = utterances.stream().map(u -> classifier.normalize(u.text())).toList();
        var counts = new TreeMap<String, Counts>();
        int correct = 0;
        int covered = 0;
        for (int i = 0; i < utterances.size(); i++) {
            Utterance utterance = utterances.get(i);
            String predicted = classifier.classify(texts.get(i));
            counts.computeIfAbsent(utterance.intent(), k -> new Counts()).gold++;
            if (!predicted.isEmpty()) {
                covered++;
                counts.computeIfAbsent(predicted, k -> new Counts()).predicted++;
            }
            if (predicted.equals(utterance.intent())) {
                correct++;
                counts.get(predicted).correct++;
            } else {
                errors.add(utterance.text() + "\t" + utterance.intent() + "\t" + predicted);
            }
        }
        out.printf("%-28s %7s %9s %7s %7s%n", "intent", "support", "precision", "recall", "f1");
        double f1Sum = 0;
        int labels = 0;
        for (Map.Entry<String, Counts> entry : counts.entrySet()) {
            Counts c = entry.getValue();
            if (c.gold == 0) continue; // predicted but not in this split: counts against precision elsewhere only
            labels++;
            f1Sum += c.f1();
            out.printf("%-28s %7d %9.3f %7.3f %7.3f%n", entry.getKey(), c.gold, c.precision(), c.recall(), c.f1());
        }
        var report = new LinkedHashMap<String, Object>();
        report.put("accuracy", FaqMetrics.round((double) correct / utterances.size()));
        report.put("macro_f1", FaqMetrics.round(f1Sum / labels));
        report.put("coverage", FaqMetrics.round((double) covered / utterances.size()));
        report.put("utterances", utterances.size());
        report.put("labels", labels);
        report.put("patterns", classifier.patterns());
        report.put("match_us_mean", FaqMetrics.round(warmMicros(classifier, texts)));
        return report;
    }

    /** Mean time of one match over the whole split, on a second pass so that the JIT has seen the code. */
    private static double warmMicros(IntentClassifier classifier, List<String> texts) {
        long start = System.nanoTime();
        for (String text : texts) classifier.classify(text);
        return (System.nanoTime() - start) / 1000.0 / texts.size();
    }
}
