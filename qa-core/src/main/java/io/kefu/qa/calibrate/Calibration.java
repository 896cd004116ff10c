package io.kefu.qa.calibrate;

import io.kefu.qa.rank.Thresholds;

import java.util.List;
import java.util.Objects;

/**
 * The decision thresholds in force for one knowledge base, and how they were chosen: one set of thresholds per
 * band of message lengths, the data they were fitted on, the objective and what they achieved on that data.
 *
 * @param method    whether the thresholds were fitted on this knowledge base or are the model's
 * @param reason    why the model's thresholds are used, or empty
 * @param objective what the fit maximised, under which constraint
 * @param bands     the length bands, shortest first, covering every length from 0 up
 * @param data      how many questions of each kind the fit saw
 * @param achieved  what the thresholds achieved on those questions, all bands together
 * @param key       what the calibration was made from (content, model, code), for a cache; empty when unknown
 */
public record Calibration(Method method, String reason, String objective, List<Band> bands, Data data, Fit achieved,
                          String key) {

    /** The share of out-of-scope questions each band must decline. */
    public static final double TARGET_REJECTION = 0.95;

    public static final String OBJECTIVE = "maximise overall accuracy (in-scope answered with the right entry, "
            + "out-of-scope declined) with out-of-scope rejection >= " + TARGET_REJECTION + " in every length band";

    public enum Method {
        /** Fitted on this knowledge base's held-out phrasings and the calibration set. */
        CALIBRATED,
        /** The thresholds the ranking model was shipped with: too little data, or no calibration asked for. */
        MODEL
    }

    /**
     * Messages of {@code minLength} to {@code maxLength} letters and digits ({@link MessageLength}), inclusive.
     *
     * @param thresholds the thresholds for these messages
     * @param achieved   what they achieved on the calibration questions of this length
     */
    public record Band(int minLength, int maxLength, Thresholds thresholds, Fit achieved) {

        public Band {
            Objects.requireNonNull(thresholds, "thresholds");
            if (minLength < 0 || maxLength < minLength) {
                throw new IllegalArgumentException("bad band " + minLength + ".." + maxLength);
            }
        }

        public boolean contains(int length) {
            return length >= minLength && length <= maxLength;
        }

        /** e.g. {@code 0-10}, {@code 21+}. */
        public String label() {
            return maxLength == Integer.MAX_VALUE ? minLength + "+" : minLength + "-" + maxLength;
        }
    }

    /**
     * The calibration questions, by kind.
     *
     * @param heldOutPhrasings     similar phrasings asked against an index without them (in scope)
     * @param folds                how many indexes the held-out phrasings needed (each without a share of them)
     * @param developmentInScope   development questions whose entry exists
     * @param developmentOutOfScope development questions labelled out of scope
     * @param genericOutOfScope    the generic out-of-scope questions
     * @param skipped              development questions naming an entry the knowledge base no longer has
     */
    public record Data(int heldOutPhrasings, int folds, int developmentInScope, int developmentOutOfScope,
                      int genericOutOfScope, int skipped) {

        public static final Data NONE = new Data(0, 0, 0, 0, 0, 0);

        public int inScope() {
            return heldOutPhrasings + developmentInScope;
        }

        public int outOfScope() {
            return developmentOutOfScope + genericOutOfScope;
        }
    }

    /**
     * What thresholds achieve on a set of calibration questions.
     *
     * @param inScope    how many in-scope questions
     * @param outOfScope how many out-of-scope questions
     * @param accuracy   in-scope answered with the right entry plus out-of-scope not answered, over all
     * @param rejection  out-of-scope questions not answered, over all out-of-scope ones
     */
    public record Fit(int inScope, int outOfScope, double accuracy, double rejection) {

        public static final Fit NONE = new Fit(0, 0, 0, 0);
    }

    public Calibration {
        Objects.requireNonNull(method, "method");
        reason = reason == null ? "" : reason;
        objective = objective == null ? "" : objective;
        bands = List.copyOf(bands);
        key = key == null ? "" : key;
        if (bands.isEmpty() || bands.get(0).minLength() != 0 || bands.get(bands.size() - 1).maxLength() != Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bands must cover every length from 0: " + bands);
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).minLength() != bands.get(i - 1).maxLength() + 1) {
                throw new IllegalArgumentException("bands must follow each other without gap: " + bands);
            }
        }
    }

    /** The model's thresholds for every message, and why. */
    public static Calibration model(Thresholds thresholds, String reason, Data data) {
        return new Calibration(Method.MODEL, reason, "", List.of(new Band(0, Integer.MAX_VALUE, thresholds, Fit.NONE)),
                data, Fit.NONE, "");
    }

    /** The band of a message of this length ({@link MessageLength}). */
    public Band bandFor(int length) {
        for (Band band : bands) {
            if (band.contains(length)) return band;
        }
        return bands.get(bands.size() - 1);
    }

    public Calibration withKey(String newKey) {
        return new Calibration(method, reason, objective, bands, data, achieved, newKey);
    }

    /** One line for a log: the method, each band's thresholds, the data and what was achieved. */
    public String summary() {
        var out = new StringBuilder(method == Method.CALIBRATED ? "calibrated thresholds" : "model thresholds");
        if (!reason.isEmpty()) out.append(" (").append(reason).append(')');
        for (Band band : bands) {
            Thresholds t = band.thresholds();
            out.append(String.format(java.util.Locale.ROOT, "; length %s: answer %.4f, clarify %.4f, margin %.4f",
                    band.label(), t.answer(), t.clarify(), t.margin()));
        }
        if (method == Method.CALIBRATED) {
            out.append(String.format(java.util.Locale.ROOT,
                    "; fitted on %d held-out phrasings (%d folds), %d development questions in scope and %d out of scope,"
                            + " %d generic out-of-scope questions: accuracy %.3f, out-of-scope rejection %.3f",
                    data.heldOutPhrasings(), data.folds(), data.developmentInScope(), data.developmentOutOfScope(),
                    data.genericOutOfScope(), achieved.accuracy(), achieved.rejection()));
        }
        return out.toString();
    }
}
