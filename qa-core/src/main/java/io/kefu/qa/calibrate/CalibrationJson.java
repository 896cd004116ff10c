package io.kefu.qa.calibrate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;

/** A calibration as JSON, the way a cache keeps it. Reads and writes text; the caller does the I/O. */
public final class CalibrationJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CalibrationJson() {
    }

    public static String write(Calibration calibration) {
        return JSON.writeValueAsString(calibration) + "\n";
    }

    /** @throws IllegalArgumentException when the text is not a calibration */
    public static Calibration read(InputStream in) {
        try {
            return JSON.readValue(in, Calibration.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a calibration: " + e.getOriginalMessage(), e);
        }
    }
}
