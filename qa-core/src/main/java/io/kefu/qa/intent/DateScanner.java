package io.kefu.qa.intent;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as customers say them, resolved against the matcher's clock: 今天, 明天, 昨天 (an ISO date), 本月, 上个月,
 * 下个月 (an ISO month, {@code 2026-10}), 5月1日 or 五月一号 (this year unless 2025年 comes first), 5月 or 5月份 (a
 * month), and 2026-05-01 (which the normaliser turns into "2026 05 01"). Impossible dates (2月30日) are not dates.
 */
final class DateScanner implements SlotScanner {

    private static final Map<String, Integer> DAYS = words("今天", 0, "今日", 0, "明天", 1, "明日", 1, "后天", 2,
            "昨天", -1, "昨日", -1, "前天", -2);
    private static final Map<String, Integer> MONTHS = words("本月", 0, "这个月", 0, "这月", 0, "当月", 0,
            "上个月", -1, "上月", -1, "下个月", 1, "下月", 1);
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})([-/. ])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");

    private final Clock clock;

    DateScanner(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<String> types() {
        return List.of(SlotTypes.DATE);
    }

    @Override
    public void scan(String text, List<Recognition> out) {
        LocalDate today = LocalDate.now(clock);
        DAYS.forEach((word, offset) -> each(text, word, start ->
                out.add(new Recognition(start, start + word.length(), SlotTypes.DATE, today.plusDays(offset).toString()))));
        MONTHS.forEach((word, offset) -> each(text, word, start -> out.add(new Recognition(start, start + word.length(),
                SlotTypes.DATE, YearMonth.from(today).plusMonths(offset).toString()))));
        for (int i = text.indexOf('月'); i >= 0; i = text.indexOf('月', i + 1)) monthAt(text, i, today.getYear(), out);
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            LocalDate date = date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(4)));
            if (date != null) out.add(new Recognition(iso.start(), iso.end(), SlotTypes.DATE, date.toString()));
        }
    }

    /** "5月1日", "2025年5月1号", "五月", "5月份" around the 月 at {@code at}. */
    private static void monthAt(String text, int at, int thisYear, List<Recognition> out) {
        int[] month = numberBefore(text, at);
        if (month == null || month[1] < 1 || month[1] > 12) return;
        int start = month[0];
        int year = thisYear;
        if (start >= 5 && text.charAt(start - 1) == '年' && isDigits(text, start - 5, start - 1)
                && (start == 5 || !Character.isDigit(text.charAt(start - 6)))) {
            year = Integer.parseInt(text.substring(start - 5, start - 1));
            start -= 5;
        }
        int[] day = numberAfter(text, at + 1);
        if (day != null && day[0] < text.length() && (text.charAt(day[0]) == '日' || text.charAt(day[0]) == '号')) {
            LocalDate date = date(year, month[1], day[1]);
            if (date != null) out.add(new Recognition(start, day[0] + 1, SlotTypes.DATE, date.toString()));
            return;
        }
        if (day != null && day[0] > at + 1) return; // 5月12345: a month followed by some other number
        int end = text.startsWith("份", at + 1) ? at + 2 : at + 1;
        out.add(new Recognition(start, end, SlotTypes.DATE, YearMonth.of(year, month[1]).toString()));
    }

    /** {start, value} of the one- or two-digit or Chinese number ending right before {@code end}, or null. */
    private static int[] numberBefore(String text, int end) {
        int start = end;
        if (start > 0 && Character.isDigit(text.charAt(start - 1))) {
            while (start > 0 && Character.isDigit(text.charAt(start - 1))) start--;
            return end - start > 2 ? null : new int[]{start, Integer.parseInt(text.substring(start, end))};
        }
        while (start > 0 && end - start < 3 && ChineseNumerals.isNumeral(text.charAt(start - 1))) start--;
        long value = ChineseNumerals.parse(text.substring(start, end));
        return value < 0 ? null : new int[]{start, (int) value};
    }

    /** {end, value} of the number starting at {@code start}; {start, -1} when there is none. */
    private static int[] numberAfter(String text, int start) {
        int end = start;
        if (end < text.length() && Character.isDigit(text.charAt(end))) {
            while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
            return end - start > 2 ? new int[]{end, -1} : new int[]{end, Integer.parseInt(text.substring(start, end))};
        }
        while (end < text.length() && end - start < 3 && ChineseNumerals.isNumeral(text.charAt(end))) end++;
        if (end == start) return null;
        long value = ChineseNumerals.parse(text.substring(start, end));
        return new int[]{end, (int) value};
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) return false;
        }
        return true;
    }

    private static void each(String text, String word, java.util.function.IntConsumer action) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) action.accept(i);
    }

    private static Map<String, Integer> words(Object... pairs) {
        var map = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (Integer) pairs[i + 1]);
        return map;
    }
}
