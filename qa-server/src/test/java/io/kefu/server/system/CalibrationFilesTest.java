package io.kefu.server.system;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.rank.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CalibrationFilesTest {

    private static final String KEY = "0123456789abcdef".repeat(4);

    private static Calibration calibration() {
        var band = new Calibration.Band(0, Integer.MAX_VALUE, new Thresholds(0.05, 0.03, 0.002),
                new Calibration.Fit(100, 40, 0.8, 0.975));
        return new Calibration(Calibration.Method.CALIBRATED, "", Calibration.OBJECTIVE, List.of(band),
                new Calibration.Data(80, 4, 20, 5, 35, 1), new Calibration.Fit(100, 40, 0.8, 0.975), KEY);
    }

    @Test
    void keepsACalibrationUnderItsKeyInTheDataFolder(@TempDir Path data) {
        var files = new CalibrationFiles(data);
        assertEquals(Optional.empty(), files.find(KEY));
        files.store(calibration());
        assertEquals(Optional.of(calibration()), new CalibrationFiles(data).find(KEY), "a restart finds it");
        assertEquals(Optional.empty(), files.find("f".repeat(64)));
    }

    @Test
    void anUnreadableFileMeansCalibratingAgainNotFailingTheStart(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("calibration"));
        Files.writeString(data.resolve("calibration").resolve(KEY + ".json"), "{ not json");
        assertEquals(Optional.empty(), new CalibrationFiles(data).find(KEY));
    }
}
