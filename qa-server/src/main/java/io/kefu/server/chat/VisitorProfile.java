package io.kefu.server.chat;

import io.kefu.server.conversation.CustomerConnected;
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
import java.util.Optional;

/**
 * A visitor profile that the embedding page's own server signed, so that customers cannot make themselves VIP:
 * {@code base64url(payload) + "." + base64url(HMAC-SHA256(key, base64url(payload)))}, where the payload is JSON such
 * as {@code {"vip":true,"customer":"C10086","exp":1798761600}} ({@code exp}: seconds since the epoch after which
 * it is refused; {@code customer}: the operator's own id of the customer, for proactive messages).
 * Anything unsigned, badly signed, expired or unreadable reads as an ordinary visitor.
 */
final class VisitorProfile {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private VisitorProfile() {
    }

    /** Whether the signed profile says VIP; false for anything that does not verify. */
    static boolean vip(String signed, String key, JsonMapper json, Clock clock) {
        return verified(signed, key, json, clock).map(profile -> profile.path("vip").asBoolean(false)).orElse(false);
    }

    /**
     * The operator's own id of the customer ({@code "customer": "C10086"}), which proactive messages are addressed
     * to; empty for anything that does not verify or names no well-formed id.
     */
    static Optional<String> customer(String signed, String key, JsonMapper json, Clock clock) {
        return verified(signed, key, json, clock).map(profile -> profile.get("customer"))
                .filter(JsonNode::isString).map(JsonNode::asString).filter(CustomerConnected::validCustomerId);
    }

    /** The profile's payload if the signature and expiry check out. */
    private static Optional<JsonNode> verified(String signed, String key, JsonMapper json, Clock clock) {
        if (signed == null || key == null || key.isEmpty()) return Optional.empty();
        int dot = signed.indexOf('.');
        if (dot <= 0 || dot == signed.length() - 1) return Optional.empty();
        String payload = signed.substring(0, dot);
        try {
            byte[] expected = sign(payload, key);
            if (!MessageDigest.isEqual(expected, DECODER.decode(signed.substring(dot + 1)))) return Optional.empty();
            JsonNode profile = json.readTree(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
            JsonNode exp = profile.get("exp");
            // exp in seconds, compared without multiplying it (a huge exp would overflow into the past or future)
            if (exp == null || !exp.isIntegralNumber() || !exp.canConvertToLong()
                    || exp.asLong() <= (clock.millis() - 1) / 1000) {
                return Optional.empty();
            }
            return Optional.of(profile);
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
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
