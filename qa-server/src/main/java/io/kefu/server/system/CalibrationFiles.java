package io.kefu.server.system;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Calibrations kept in the data folder ({@code calibration/<key>.json}), so that a server restarting on content it
 * has calibrated before does not calibrate again. Only a cache: a file that cannot be read or written is logged and
 * the calibration is made anew.
 */
public final class CalibrationFiles implements CalibrationCache {

    private static final Logger log = LoggerFactory.getLogger(CalibrationFiles.class);

    private final Path folder;

    public CalibrationFiles(Path dataDir) {
        this.folder = dataDir.resolve("calibration");
    }

    @Override
    public Optional<Calibration> find(String key) {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(CalibrationJson.read(in));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("cannot read the kept calibration {}, calibrating anew: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void store(Calibration calibration) {
        Path file = fileOf(calibration.key());
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "calibration", ".part");
            Files.writeString(partial, CalibrationJson.write(calibration));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot keep the calibration in {}; the next start calibrates again: {}", file, e.getMessage());
        }
    }

    private Path fileOf(String key) {
        if (!key.matches("[0-9a-f]{16,}")) throw new IllegalArgumentException("not a calibration key: " + key);
        return folder.resolve(key + ".json");
    }
}
