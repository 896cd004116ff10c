package io.kefu.server.ticket;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The periods analytics are summed over: a day, a week (Monday to Sunday) or a calendar month. */
enum Bucket {
    DAY, WEEK, MONTH;

    /** The first day of the period the day falls in. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** @throws IllegalArgumentException for a name that is no bucket */
    static Bucket fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
