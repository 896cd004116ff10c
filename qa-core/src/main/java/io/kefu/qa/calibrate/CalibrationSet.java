package io.kefu.qa.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The questions a calibration learns from besides the knowledge base's own similar phrasings: the content's
 * development questions, each labelled with the entry that answers it (or none: out of scope), and generic
 * out-of-scope questions that no entry should answer. Parsed from text the caller read; no I/O here.
 *
 * @param development labelled development questions (may be empty)
 * @param outOfScope  questions the bot should decline
 */
public record CalibrationSet(List<LabelledQuestion> development, List<String> outOfScope) {

    /**
     * One development question.
     *
     * @param text       the question as a customer wrote it
     * @param expectedId the entry that answers it, empty when the knowledge base does not cover it
     */
    public record LabelledQuestion(String text, String expectedId) {

        public LabelledQuestion {
            Objects.requireNonNull(text, "text");
            expectedId = expectedId == null ? "" : expectedId.strip();
        }

        public boolean inScope() {
            return !expectedId.isEmpty();
        }
    }

    public CalibrationSet {
        development = List.copyOf(development);
        outOfScope = List.copyOf(outOfScope);
    }

    public static CalibrationSet empty() {
        return new CalibrationSet(List.of(), List.of());
    }

    /** Both sets' questions together. */
    public CalibrationSet and(CalibrationSet other) {
        var questions = new ArrayList<>(development);
        questions.addAll(other.development);
        var declined = new ArrayList<>(outOfScope);
        declined.addAll(other.outOfScope);
        return new CalibrationSet(questions, declined);
    }

    public boolean isEmpty() {
        return development.isEmpty() && outOfScope.isEmpty();
    }

    /** One question a line; blank lines and lines starting with {@code #} are skipped. */
    public static List<String> parseLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /**
     * A tab-separated file of {@code question<TAB>expected_id} rows (the evaluator's query format): a first line
     * {@code query<TAB>...} is a header; an empty or missing id marks an out-of-scope question.
     */
    public static List<LabelledQuestion> parseQuestions(String tsv) {
        var out = new ArrayList<LabelledQuestion>();
        List<String> lines = tsv.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || (i == 0 && line.startsWith("query\t"))) continue;
            String[] cells = line.split("\t", -1);
            if (cells[0].isBlank()) continue;
            out.add(new LabelledQuestion(cells[0].strip(), cells.length > 1 ? cells[1] : ""));
        }
        return out;
    }
}
