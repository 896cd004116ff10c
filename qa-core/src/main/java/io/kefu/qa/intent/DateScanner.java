package io.kefu.qa.intent;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as customers say them, resolved against the matcher's clock: 今天, 明天, 昨天 (an ISO date), 本月, 上个月,
 * 下个月 (an ISO month, {@code 2026-10}), 5月1日 or 五月一号 (this year unless 2025年 comes first), 5月 or 5月份 (a
 * month), and 2026-05-01 (which the normaliser turns into "2026 05 01"). Impossible dates (2月30日) are not dates.
 */
final class DateScanner implements SlotScanner {

    /** A word relative to today: so many days, or so many months, away. */
    private record Relative(boolean months, int offset) {

        String resolve(LocalDate today) {
            return months ? YearMonth.from(today).plusMonths(offset).toString() : today.plusDays(offset).toString();
        }
    }

    /** Where a relative word stands in the question. */
    private record Found(int begin, int end, Relative word) {
    }

    /** 今天, 上个月...: one automaton pass instead of a string search per word. */
    private static final AhoCorasickDoubleArrayTrie<Relative> RELATIVE = new AhoCorasickDoubleArrayTrie<>(new TreeMap<>(Map.ofEntries(
            Map.entry("今天", new Relative(false, 0)), Map.entry("今日", new Relative(false, 0)),
            Map.entry("明天", new Relative(false, 1)), Map.entry("明日", new Relative(false, 1)),
            Map.entry("后天", new Relative(false, 2)), Map.entry("昨天", new Relative(false, -1)),
            Map.entry("昨日", new Relative(false, -1)), Map.entry("前天", new Relative(false, -2)),
            Map.entry("本月", new Relative(true, 0)), Map.entry("这个月", new Relative(true, 0)),
            Map.entry("这月", new Relative(true, 0)), Map.entry("当月", new Relative(true, 0)),
            Map.entry("上个月", new Relative(true, -1)), Map.entry("上月", new Relative(true, -1)),
            Map.entry("下个月", new Relative(true, 1)), Map.entry("下月", new Relative(true, 1)))));
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
        var words = new ArrayList<Found>(1);
        RELATIVE.parseText(text.toCharArray(), (AhoCorasickDoubleArrayTrie.IHitFull<Relative>) (begin, end, word, index) ->
                words.add(new Found(begin, end, word)));
        int month = text.indexOf('月');
        boolean digits = hasDigit(text);
        if (words.isEmpty() && month < 0 && !digits) return; // most questions: no date, and no need to read the clock
        LocalDate today = LocalDate.now(clock);
        for (Found found : words) out.add(new Recognition(found.begin(), found.end(), SlotTypes.DATE, found.word().resolve(today)));
        for (int i = month; i >= 0; i = text.indexOf('月', i + 1)) monthAt(text, i, today.getYear(), out);
        if (!digits) return; // the regular expression costs more than everything else together
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            LocalDate date = date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(4)));
            if (date != null) out.add(new Recognition(iso.start(), iso.end(), SlotTypes.DATE, date.toString()));
        }
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') return true;
        }
        return false;
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

}
