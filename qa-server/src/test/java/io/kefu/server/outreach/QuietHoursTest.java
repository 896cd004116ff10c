package io.kefu.server.outreach;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void hoursPastMidnightHoldUntilTheMorning() {
        assertFalse(night.quiet(at("2026-12-05T20:59:59")));
        assertTrue(night.quiet(at("2026-12-05T21:00:00")));
        assertTrue(night.quiet(at("2026-12-06T07:59:59")));
        assertFalse(night.quiet(at("2026-12-06T08:00:00")));
        assertEquals(at("2026-12-06T08:00:00"), night.notBefore(at("2026-12-05T23:30:00")), "the next morning");
        assertEquals(at("2026-12-06T08:00:00"), night.notBefore(at("2026-12-06T01:00:00")), "the same morning");
        assertEquals(at("2026-12-06T12:00:00"), night.notBefore(at("2026-12-06T12:00:00")), "by day: at once");
    }

    @Test
    void hoursWithinOneDayAndNoHoursAtAll() {
        var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
        assertTrue(lunch.quiet(at("2026-12-05T13:00:00")));
        assertFalse(lunch.quiet(at("2026-12-05T14:00:00")));
        assertEquals(at("2026-12-05T14:00:00"), lunch.notBefore(at("2026-12-05T12:00:00")));
        var none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
        assertFalse(none.quiet(at("2026-12-05T03:00:00")));
    }
}
