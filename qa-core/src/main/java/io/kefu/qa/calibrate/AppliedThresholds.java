package io.kefu.qa.calibrate;

import io.kefu.qa.rank.Thresholds;

import java.util.Objects;

/**
 * The thresholds one reply was decided with, and how they were chosen.
 *
 * @param band        the length band of the message, with its thresholds
 * @param calibration the calibration in force: method, data, objective, achieved accuracy and rejection
 */
public record AppliedThresholds(Calibration.Band band, Calibration calibration) {

    public AppliedThresholds {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(calibration, "calibration");
    }

    public Thresholds thresholds() {
        return band.thresholds();
    }
}
