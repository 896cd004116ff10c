package io.kefu.server.queue;

import io.kefu.server.conversation.CustomerTexts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When agents work: weekly periods such as {@code MON-FRI 09:00-18:00} (several add up; {@code 24:00} is the end
 * of the day) minus holidays, in one time zone.
 */
final class ServiceHours {

    private static final Pattern PERIOD = Pattern.compile(
            "(MON|TUE|WED|THU|FRI|SAT|SUN)(?:-(MON|TUE|WED|THU|FRI|SAT|SUN))?\\s+(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /** One weekly period: days {@code from..to} (wrapping past Sunday), minutes of the day {@code start..end}. */
    private record Period(int from, int to, int start, int end) {

        boolean covers(DayOfWeek day, int minute) {
            int d = day.getValue() - 1;
            boolean onDay = from <= to ? d >= from && d <= to : d >= from || d <= to;
            return onDay && minute >= start && minute < end;
        }

        String describe() {
            String days = from == 0 && to == 6 ? CustomerTexts.EVERY_DAY : CustomerTexts.weekdays(from, to);
            return days + " " + time(start) + "–" + time(end);
        }

        private static String time(int minutes) {
            return "%02d:%02d".formatted(minutes / 60, minutes % 60);
        }
    }

    private final List<Period> periods;
    private final Set<LocalDate> holidays;
    private final ZoneId zone;

    private ServiceHours(List<Period> periods, Set<LocalDate> holidays, ZoneId zone) {
        this.periods = periods;
        this.holidays = holidays;
        this.zone = zone;
    }

    /**
     * @throws IllegalArgumentException naming the setting that does not read
     */
    static ServiceHours parse(List<String> hours, List<String> holidays, String zone) {
        var periods = new ArrayList<Period>();
        for (String text : hours) {
            if (text.isBlank()) continue;
            Matcher m = PERIOD.matcher(text.strip().toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "kefu.handoff.hours: '" + text + "' is not like 'MON-FRI 09:00-18:00'");
            }
            int from = DAYS.indexOf(m.group(1));
            int to = m.group(2) == null ? from : DAYS.indexOf(m.group(2));
            int start = minutes(m.group(3), m.group(4), text);
            int end = minutes(m.group(5), m.group(6), text);
            if (end <= start) {
                throw new IllegalArgumentException("kefu.handoff.hours: '" + text + "' ends before it starts");
            }
            periods.add(new Period(from, to, start, end));
        }
        Set<LocalDate> days;
        try {
            days = holidays.stream().map(String::strip).map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "kefu.handoff.holidays must be ISO dates like 2026-10-01: " + holidays, e);
        }
        return new ServiceHours(List.copyOf(periods), days, ZoneId.of(zone));
    }

    private static int minutes(String hours, String minutes, String text) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || h == 24 && m > 0) {
            throw new IllegalArgumentException("kefu.handoff.hours: '" + text + "' has an impossible time");
        }
        return h * 60 + m;
    }

    boolean open(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (holidays.contains(local.toLocalDate())) return false;
        LocalTime time = local.toLocalTime();
        int minute = time.getHour() * 60 + time.getMinute();
        return periods.stream().anyMatch(p -> p.covers(local.getDayOfWeek(), minute));
    }

    /** The hours in Chinese, for the customer: 每天 08:00–22:00. */
    String describe() {
        return periods.isEmpty() ? CustomerTexts.NO_SERVICE_HOURS : periods.stream().map(Period::describe).collect(Collectors.joining("，"));
    }
}
