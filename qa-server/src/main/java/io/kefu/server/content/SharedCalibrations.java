package io.kefu.server.content;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Calibrations kept in the database (table {@code content_calibrations}) before another cache (the data folder's):
 * what one node calibrated for a release, the others find, so a publish reaches every node within seconds. Only a
 * cache: a failure is logged and the calibration is made anew.
 */
final class SharedCalibrations implements CalibrationCache {

    private static final Logger log = LoggerFactory.getLogger(SharedCalibrations.class);

    private final JdbcClient jdbc;
    private final CalibrationCache local;

    SharedCalibrations(JdbcClient jdbc, CalibrationCache local) {
        this.jdbc = jdbc;
        this.local = local;
    }

    @Override
    public Optional<Calibration> find(String key) {
        Optional<Calibration> here = local.find(key);
        if (here.isPresent()) return here;
        try {
            return jdbc.sql("select body from content_calibrations where calibration_key = ?").param(key)
                    .query(String.class).optional()
                    .map(body -> CalibrationJson.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        } catch (DataAccessException | IllegalArgumentException e) {
            log.warn("cannot read the shared calibration {}, calibrating anew: {}", key, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void store(Calibration calibration) {
        local.store(calibration);
        try {
            if (jdbc.sql("select count(*) from content_calibrations where calibration_key = ?").param(calibration.key())
                    .query(Long.class).single() > 0) return;
            jdbc.sql("insert into content_calibrations (calibration_key, body, created_at) values (?, ?, ?)")
                    .params(calibration.key(), CalibrationJson.write(calibration), OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        } catch (DataAccessException e) {
            // another node stored it first, or the database is busy: the data folder still has it
            log.debug("did not share the calibration {}: {}", calibration.key(), e.toString());
        }
    }
}
