package io.kefu.server.content;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.server.system.CalibrationFiles;
import io.kefu.server.system.KefuProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Clock;

/** The content console's wiring. */
@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

    /**
     * Where calibrations are kept: the data folder, then the database the nodes share. The live bot and the quality
     * gate use it, so a release calibrated in the gate goes live without calibrating again, on every node.
     */
    @Bean
    CalibrationCache keptCalibrations(JdbcClient jdbc, KefuProperties properties) {
        return new SharedCalibrations(jdbc, new CalibrationFiles(Path.of(properties.dataDir())));
    }

    /** The time validity dates are compared with; a test replaces it to move time. */
    @Bean
    Clock contentClock() {
        return Clock.systemUTC();
    }
}
