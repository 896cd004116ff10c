package io.kefu.server.content;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * 生效时间 and 失效时间 as the content team writes them in a file: Beijing time, to the minute ({@code 2026-06-01
 * 08:00}, {@code 2026/6/1 8:00}, {@code 2026-06-01}, Excel's {@code 6/1/26 8:00}), or an ISO instant as the JSON
 * export writes it.
 */
final class EntryDates {

    /** The content team's wall clock. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private static final List<DateTimeFormatter> READ = List.of(
            pattern("uuuu-M-d"), pattern("uuuu/M/d"), pattern("uuuu.M.d"), pattern("M/d/uu"));

    private EntryDates() {
    }

    private static DateTimeFormatter pattern(String date) {
        return new DateTimeFormatterBuilder().appendPattern(date)
                .optionalStart().appendLiteral(' ').appendPattern("H:mm").optionalStart().appendPattern(":ss")
                .optionalEnd().optionalEnd()
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .toFormatter();
    }

    /** The instant a cell means; null for an empty cell; an exception for text that is not a date. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip().replace('T', ' ').replaceAll("\\s+", " ");
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notIso) {
            // the content team's own formats below
        }
        for (DateTimeFormatter format : READ) {
            try {
                return LocalDateTime.parse(t, format).atZone(ZONE).toInstant();
            } catch (DateTimeParseException tryNext) {
                // next format
            }
        }
        throw new DateTimeParseException("not a date", text, 0);
    }

    static String format(Instant at) {
        return at == null ? "" : WRITTEN.format(at.atZone(ZONE));
    }

}
