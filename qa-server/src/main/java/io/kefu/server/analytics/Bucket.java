package io.kefu.server.analytics;

import io.kefu.server.system.BadRequestException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The period the figures are summed over; each period is named by its first day (weeks start on Monday). */
enum Bucket {
    DAY, WEEK, MONTH;

    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    static Bucket parse(String text) {
        if (text == null || text.isBlank()) return DAY;
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("bucket 只能是 day、week 或 month。");
        }
    }
}
