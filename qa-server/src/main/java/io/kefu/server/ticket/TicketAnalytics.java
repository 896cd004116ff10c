package io.kefu.server.ticket;

import io.kefu.server.system.KefuProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

import static io.kefu.server.ticket.JdbcTicketStore.instant;
import static io.kefu.server.ticket.JdbcTicketStore.utc;

/**
 * The tickets' figures for the supervisors' 数据 tab, per day, week or month in the service's time zone
 * ({@code kefu.handoff.zone}); docs/tickets.md defines each figure.
 */
@Component
class TicketAnalytics {

    /** A ticket's moments, as the figures need them. */
    private record Row(TicketKind kind, Instant created, Instant due, Instant resolved, Instant rated, Integer rating,
                       boolean repeated, String category) {
    }

    /**
     * One period's figures.
     *
     * @param period         the period's first day, ISO
     * @param opened         tickets recorded in it
     * @param resolved       tickets resolved in it
     * @param resolvedInTime of those, resolved by their due time
     * @param overdue        tickets whose due time fell in it (and has passed) that were not resolved by then
     * @param repeats        tickets recorded in it marked 重复
     * @param csatAverage    the average rating given in it to resolutions, {@code null} without ratings
     */
    record Period(String period, int opened, int resolved, int resolvedInTime, int overdue, int repeats,
                  Double csatAverage) {
    }

    /** How many complaints recorded in the range were resolved as each category (未分类: not yet resolved). */
    record ComplaintType(String type, int count) {
    }

    record Report(List<Period> rows, List<ComplaintType> complaintTypes) {
    }

    static final String UNCLASSIFIED = "未分类";

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    TicketAnalytics(JdbcClient jdbc, KefuProperties properties, Clock handoffClock) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(properties.handoff().zone());
        this.clock = handoffClock;
    }

    /** The figures for the days {@code from} to {@code to}, both included. */
    Report report(LocalDate from, LocalDate to, Bucket bucket) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("select kind, created_at, due_at, resolved_at, rated_at, rating, repeated, "
                        + "resolution_category from tickets where (created_at >= ? and created_at < ?) "
                        + "or (resolved_at >= ? and resolved_at < ?) or (due_at >= ? and due_at < ?) "
                        + "or (rated_at >= ? and rated_at < ?)")
                .params(utc(start), utc(end), utc(start), utc(end), utc(start), utc(end), utc(start), utc(end))
                .query((rs, n) -> {
                    Number rating = (Number) rs.getObject("rating");
                    return new Row(TicketKind.fromWireName(rs.getString("kind")), instant(rs, "created_at"),
                            instant(rs, "due_at"), instant(rs, "resolved_at"), instant(rs, "rated_at"),
                            rating == null ? null : rating.intValue(), rs.getBoolean("repeated"),
                            rs.getString("resolution_category"));
                }).list();

        var periods = new TreeMap<LocalDate, Figures>();
        for (LocalDate p = bucket.start(from); !p.isAfter(to); p = bucket.next(p)) periods.put(p, new Figures());
        var complaints = new LinkedHashMap<String, Integer>();
        for (Row r : rows) {
            if (in(r.created(), start, end)) {
                Figures f = periods.get(bucket.start(day(r.created())));
                f.opened++;
                if (r.repeated()) f.repeats++;
                if (r.kind() == TicketKind.COMPLAINT) {
                    complaints.merge(r.category() == null ? UNCLASSIFIED : r.category(), 1, Integer::sum);
                }
            }
            if (in(r.resolved(), start, end)) {
                Figures f = periods.get(bucket.start(day(r.resolved())));
                f.resolved++;
                if (r.due() == null || !r.resolved().isAfter(r.due())) f.resolvedInTime++;
            }
            if (in(r.due(), start, end) && r.due().isBefore(now)
                    && (r.resolved() == null || r.resolved().isAfter(r.due()))) {
                periods.get(bucket.start(day(r.due()))).overdue++;
            }
            if (in(r.rated(), start, end) && r.rating() != null) {
                Figures f = periods.get(bucket.start(day(r.rated())));
                f.ratings++;
                f.stars += r.rating();
            }
        }
        var out = new ArrayList<Period>();
        periods.forEach((p, f) -> out.add(new Period(p.toString(), f.opened, f.resolved, f.resolvedInTime, f.overdue,
                f.repeats, f.ratings == 0 ? null : (double) f.stars / f.ratings)));
        List<ComplaintType> types = complaints.entrySet().stream()
                .map(e -> new ComplaintType(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ComplaintType::count).reversed().thenComparing(ComplaintType::type))
                .toList();
        return new Report(out, types);
    }

    private static final class Figures {
        int opened, resolved, resolvedInTime, overdue, repeats, ratings, stars;
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private static boolean in(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }
}
