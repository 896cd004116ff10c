package io.kefu.qa.calibrate;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over everything a calibration depends on, fed in by the caller: the content, the model, and the
 * code's behaviour (the scores the pipeline gives a fixed set of questions, since a change in any stage moves
 * them), with {@link Calibrator#VERSION}. Equal keys mean a cached calibration is still the one that would be made.
 */
public final class CalibrationKey {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageDigest digest;

    public CalibrationKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        add("calibration v" + Calibrator.VERSION);
    }

    /** Adds one part; parts are separated, so ("ab", "c") and ("a", "bc") differ. */
    public CalibrationKey add(String part) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    /** Adds a value as its JSON (e.g. the ranking model, which is written that way). */
    public CalibrationKey addJson(Object value) {
        return add(JSON.writeValueAsString(value));
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
