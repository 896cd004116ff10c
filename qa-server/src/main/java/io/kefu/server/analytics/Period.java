package io.kefu.server.analytics;

import io.kefu.server.system.BadRequestException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, {@code from} to {@code to} inclusive, in the service's time zone, summed per bucket and
 * optionally for one channel.
 */
record Period(LocalDate from, LocalDate to, Bucket bucket, String channel, ZoneId zone) {

    /** A year and a bit: the reports read every conversation of the range, and a longer one is not a page's work. */
    static final int MAX_DAYS = 400;

    static Period parse(String from, String to, String bucket, String channel, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        LocalDate end = to == null || to.isBlank() ? today : date(to, "to");
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date(from, "from");
        if (start.isAfter(end)) throw new BadRequestException("开始日期不能晚于结束日期。");
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new BadRequestException("时间范围最长 " + MAX_DAYS + " 天，请缩小范围。");
        }
        String onlyChannel = channel == null || channel.isBlank() ? null : channel.strip();
        if (onlyChannel != null && !onlyChannel.matches("[a-z0-9_-]{1,16}")) {
            throw new BadRequestException("渠道名称不正确。");
        }
        return new Period(start, end, Bucket.parse(bucket), onlyChannel, zone);
    }

    private static LocalDate date(String text, String name) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " 日期格式应为 YYYY-MM-DD，例如 2026-12-01。");
        }
    }

    Instant startInstant() {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant endInstant() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The bucket a moment falls in, named by its first day. */
    LocalDate bucketOf(Instant at) {
        return bucket.start(LocalDate.ofInstant(at, zone));
    }
}
