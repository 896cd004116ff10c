package io.kefu.server.chat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

/**
 * A visitor profile that the embedding page's own server signed, so that customers cannot make themselves VIP:
 * {@code base64url(payload) + "." + base64url(HMAC-SHA256(key, base64url(payload)))}, where the payload is JSON such
 * as {@code {"vip":true,"exp":1798761600}} ({@code exp}: seconds since the epoch after which it is refused).
 * Anything unsigned, badly signed, expired or unreadable reads as an ordinary visitor.
 */
final class VisitorProfile {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private VisitorProfile() {
    }

    /** Whether the signed profile says VIP; false for anything that does not verify. */
    static boolean vip(String signed, String key, JsonMapper json, Clock clock) {
        if (signed == null || key == null || key.isEmpty()) return false;
        int dot = signed.indexOf('.');
        if (dot <= 0 || dot == signed.length() - 1) return false;
        String payload = signed.substring(0, dot);
        try {
            byte[] expected = sign(payload, key);
            if (!MessageDigest.isEqual(expected, DECODER.decode(signed.substring(dot + 1)))) return false;
            JsonNode profile = json.readTree(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
            JsonNode exp = profile.get("exp");
            // exp in seconds, compared without multiplying it (a huge exp would overflow into the past or future)
            if (exp == null || !exp.isIntegralNumber() || !exp.canConvertToLong()
                    || exp.asLong() <= (clock.millis() - 1) / 1000) {
                return false;
            }
            return profile.path("vip").asBoolean(false);
        } catch (IllegalArgumentException | JacksonException e) {
            return false;
        }
    }

    /** The signature of a base64url payload, as the embedding page's server computes it. */
    static byte[] sign(String payload, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
