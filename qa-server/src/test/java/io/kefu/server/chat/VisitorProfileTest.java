package io.kefu.server.chat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisitorProfileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "page-server-key";

    private static String signed(String json, String key) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(VisitorProfile.sign(payload, key));
    }

    @Test
    void aProfileSignedWithTheKeyAndNotExpiredIsVip() {
        assertTrue(VisitorProfile.vip(signed("{\"vip\":true,\"exp\":1798761600}", KEY), KEY, JSON, NOW));
        assertFalse(VisitorProfile.vip(signed("{\"vip\":false,\"exp\":1798761600}", KEY), KEY, JSON, NOW));
    }

    @Test
    void anythingElseIsAnOrdinaryVisitor() {
        String good = signed("{\"vip\":true,\"exp\":1798761600}", KEY);
        assertFalse(VisitorProfile.vip(signed("{\"vip\":true,\"exp\":1798761600}", "guessed"), KEY, JSON, NOW));
        assertFalse(VisitorProfile.vip(signed("{\"vip\":true,\"exp\":1700000000}", KEY), KEY, JSON, NOW), "expired");
        assertFalse(VisitorProfile.vip(signed("{\"vip\":true}", KEY), KEY, JSON, NOW), "no expiry");
        // an expiry in seconds so large that it overflowed into the past once it was multiplied into milliseconds
        assertTrue(VisitorProfile.vip(signed("{\"vip\":true,\"exp\":9223372036854775807}", KEY), KEY, JSON, NOW));
        assertFalse(VisitorProfile.vip(signed("{\"vip\":true,\"exp\":99999999999999999999}", KEY), KEY, JSON, NOW));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"vip\":true,\"exp\":1898761600}".getBytes(StandardCharsets.UTF_8)) + good.substring(good.indexOf('.'));
        assertFalse(VisitorProfile.vip(forged, KEY, JSON, NOW), "payload changed after signing");
        assertFalse(VisitorProfile.vip(good, "", JSON, NOW), "no key configured: no VIPs");
        for (String junk : new String[]{"", ".", "abc", "abc.", ".abc", "!!!.???", signed("not json", KEY)}) {
            assertFalse(VisitorProfile.vip(junk, KEY, JSON, NOW), junk);
        }
    }
}
