package io.kefu.server.outreach;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The hours of the night in which customers are not disturbed; may run past midnight (21:00-08:00). */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    boolean quiet(Instant at) {
        if (start.equals(end)) return false;
        LocalTime time = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The moment a message sent at {@code at} may be shown: at once, or when the quiet hours end. */
    Instant notBefore(Instant at) {
        if (!quiet(at)) return at;
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(this.end);
        if (!end.isAfter(local)) end = end.plusDays(1);
        return end.toInstant();
    }
}
