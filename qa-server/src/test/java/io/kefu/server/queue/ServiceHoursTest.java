package io.kefu.server.queue;

import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static boolean open(ServiceHours hours, String localTime) {
        return hours.open(ZonedDateTime.of(java.time.LocalDateTime.parse(localTime), SHANGHAI).toInstant());
    }

    @Test
    void weekdayAndWeekendPeriodsAddUpAndHolidaysAreClosed() {
        ServiceHours hours = ServiceHours.parse(List.of("MON-FRI 09:00-18:00", "SAT-SUN 10:00-16:00"),
                List.of("2026-10-01"), "Asia/Shanghai");
        assertTrue(open(hours, "2026-11-23T09:00:00"), "Monday at opening time");
        assertFalse(open(hours, "2026-11-23T18:00:00"), "Monday at closing time");
        assertFalse(open(hours, "2026-11-22T09:30:00"), "Sunday before ten");
        assertTrue(open(hours, "2026-11-22T15:59:00"), "Sunday afternoon");
        assertFalse(open(hours, "2026-10-01T11:00:00"), "a holiday, though a Thursday");
        assertEquals("周一至周五 09:00–18:00，周六至周日 10:00–16:00", hours.describe());
    }

    @Test
    void aPeriodMayWrapPastSundayAndRunToMidnight() {
        ServiceHours hours = ServiceHours.parse(List.of("SAT-MON 00:00-24:00"), List.of(), "Asia/Shanghai");
        assertTrue(open(hours, "2026-11-23T23:59:00"), "Monday night");
        assertFalse(open(hours, "2026-11-24T00:00:00"), "Tuesday");
        assertEquals("每天 00:00–24:00", ServiceHours.parse(List.of("MON-SUN 00:00-24:00"), List.of(), "UTC").describe());
    }

    @Test
    void noHoursMeansNeverOpen() {
        ServiceHours hours = ServiceHours.parse(List.of(""), List.of(), "Asia/Shanghai");
        assertFalse(open(hours, "2026-11-23T12:00:00"));
        assertEquals("暂无人工服务时间", hours.describe());
    }

    @Test
    void aSettingThatDoesNotReadIsNamedAtStart() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ServiceHours.parse(List.of("weekdays 9-6"), List.of(), "Asia/Shanghai"));
        assertTrue(e.getMessage().contains("kefu.handoff.hours"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ServiceHours.parse(List.of("MON 18:00-09:00"), List.of(), "Asia/Shanghai"));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceHours.parse(List.of("MON 09:00-18:00"), List.of("1st of May"), "Asia/Shanghai"));
    }
}
