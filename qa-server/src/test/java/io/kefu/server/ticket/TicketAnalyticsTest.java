package io.kefu.server.ticket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.kefu.server.ticket.JdbcTicketStore.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tickets' figures on a small fixed history, each checked exactly. Days are Beijing days: 2026-12-01T16:30Z is
 * already 2 December there.
 */
class TicketAnalyticsTest {

    @TempDir
    Path dataDir;

    private DeskFixture f;
    private TicketAnalytics analytics;

    @BeforeEach
    void history() {
        f = new DeskFixture(dataDir);
        analytics = new TicketAnalytics(f.jdbc, f.properties,
                Clock.fixed(Instant.parse("2026-12-10T00:00:00Z"), ZoneOffset.UTC));
        f.conversation("c1", "v1", false, null);
        // T1: a fault on 1 Dec, resolved in time, rated 5
        ticket("T1", TicketKind.FAULT_REPORT, "2026-12-01T02:00:00Z", "2026-12-01T05:00:00Z", null, false);
        rate("T1", 5, "2026-12-01T08:00:00Z");
        // T2: a complaint late on 1 Dec (Beijing), due 01:30 on 2 Dec, resolved late on 2 Dec, rated 2
        ticket("T2", TicketKind.COMPLAINT, "2026-12-01T15:30:00Z", "2026-12-02T03:00:00Z", "已解释说明", false);
        rate("T2", 2, "2026-12-02T04:00:00Z");
        // T3: a repeated complaint just after midnight of 2 Dec in Beijing, never resolved
        ticket("T3", TicketKind.COMPLAINT, "2026-12-01T16:30:00Z", null, null, true);
        // T4: a fault on 3 Dec, still open long after its due time
        ticket("T4", TicketKind.FAULT_REPORT, "2026-12-03T01:00:00Z", null, null, false);
        // T5: recorded before the range (30 Nov), resolved late on 1 Dec, rated 4 on 1 Dec
        ticket("T5", TicketKind.FAULT_REPORT, "2026-11-30T10:00:00Z", "2026-12-01T01:00:00Z", null, false);
        rate("T5", 4, "2026-12-01T02:00:00Z");
    }

    private void ticket(String id, TicketKind kind, String created, String resolved, String category, boolean repeated) {
        Instant at = Instant.parse(created);
        Instant due = at.plus(f.settings.limit(kind));
        Instant done = resolved == null ? null : Instant.parse(resolved);
        TicketStatus status = done == null ? TicketStatus.OPEN : TicketStatus.RESOLVED;
        f.store.insert(new Ticket(id, kind, kind.wireName(), status, 0, null, due, at, at, "web", "c1", "v1", null, "",
                repeated, Map.of(), "", null, null, null, null, null));
        f.store.update(new Ticket(id, kind, kind.wireName(), status, 0, null, due, at, at, "web", "c1", "v1", null, "",
                repeated, Map.of(), "", null, done, category, done == null ? null : "处理说明", null));
    }

    private void rate(String id, int stars, String at) {
        f.jdbc.sql("update tickets set rating = ?, rated_at = ? where id = ?")
                .params(stars, utc(Instant.parse(at)), id).update();
    }

    private TicketAnalytics.Report report(String bucket) {
        return analytics.report(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"), Bucket.fromWireName(bucket));
    }

    @Test
    void eachDaysFiguresInTheServicesTimeZone() {
        assertEquals(List.of(
                new TicketAnalytics.Period("2026-12-01", 2, 2, 1, 0, 0, 4.5),
                new TicketAnalytics.Period("2026-12-02", 1, 1, 0, 2, 1, 2.0),
                new TicketAnalytics.Period("2026-12-03", 1, 0, 0, 1, 0, null)), report("day").rows());
    }

    @Test
    void weeksAndMonthsSumTheSameHistory() {
        var week = new TicketAnalytics.Period("2026-11-30", 4, 3, 1, 3, 1, 11.0 / 3);
        assertEquals(List.of(week), report("week").rows(), "the week from Monday 30 November");
        assertEquals(List.of(new TicketAnalytics.Period("2026-12-01", 4, 3, 1, 3, 1, 11.0 / 3)), report("month").rows());
    }

    @Test
    void complaintTypesAreTheCategoriesComplaintsWereResolvedAs() {
        assertEquals(List.of(new TicketAnalytics.ComplaintType("已解释说明", 1),
                new TicketAnalytics.ComplaintType(TicketAnalytics.UNCLASSIFIED, 1)), report("day").complaintTypes());
    }

    @Test
    void aTicketNotYetDueIsNotOverdue() {
        var early = new TicketAnalytics(f.jdbc, f.properties, Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"),
                ZoneOffset.UTC));
        var rows = early.report(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03"), Bucket.DAY).rows();
        assertEquals(0, rows.get(0).overdue(), "T4 is due at 05:00Z and it is 03:00Z");
        assertEquals(Duration.ofHours(4), f.settings.limit(TicketKind.FAULT_REPORT));
    }
}
