package io.kefu.qa.calibrate;

import java.util.Optional;

/**
 * Where calibrations are kept between runs, by {@link Calibration#key()}: a calibration asks thousands of questions
 * against several indexes, so a bot starting on content it has calibrated before reads the result instead. The
 * caller does the I/O (a file in the server's data folder, a file in a knowledge folder).
 */
public interface CalibrationCache {

    /** The calibration made with this key, if kept. */
    Optional<Calibration> find(String key);

    /** Keeps a calibration under its key; a read-only cache ignores it. */
    void store(Calibration calibration);

    /** Keeps nothing. */
    static CalibrationCache none() {
        return new CalibrationCache() {
            @Override
            public Optional<Calibration> find(String key) {
                return Optional.empty();
            }

            @Override
            public void store(Calibration calibration) {
            }
        };
    }

    /** Looks in this cache, then in {@code next}; stores in {@code next} only (this one is read-only). */
    default CalibrationCache thenReadingAndStoring(CalibrationCache next) {
        CalibrationCache first = this;
        return new CalibrationCache() {
            @Override
            public Optional<Calibration> find(String key) {
                Optional<Calibration> found = first.find(key);
                return found.isPresent() ? found : next.find(key);
            }

            @Override
            public void store(Calibration calibration) {
                next.store(calibration);
            }
        };
    }

    /** A single calibration kept with content (e.g. a knowledge folder's), found only under its own key. */
    static CalibrationCache of(Calibration kept) {
        return new CalibrationCache() {
            @Override
            public Optional<Calibration> find(String key) {
                return kept.key().equals(key) ? Optional.of(kept) : Optional.empty();
            }

            @Override
            public void store(Calibration calibration) {
            }
        };
    }
}
