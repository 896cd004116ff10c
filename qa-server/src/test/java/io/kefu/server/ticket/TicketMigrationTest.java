package io.kefu.server.ticket;

import io.kefu.server.PostgresTestDatabase;
import io.kefu.server.system.KefuProperties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.kefu.server.ticket.JdbcTicketStore.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Tickets recorded before the desk (migrations up to V7) move into its model (V20, V21), on H2 and on PostgreSQL; and
 * the desk's own queries (list with every filter, repeats, analytics) run on both.
 */
class TicketMigrationTest {

    @RegisterExtension
    static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase("kefu_tickets_test");

    private static final Instant CREATED = Instant.parse("2026-11-20T03:00:00Z");

    @Test
    void onH2(@TempDir Path dir) {
        check(new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("kefu"), "sa", ""), Flyway.configure());
    }

    @Test
    void onPostgres() {
        var config = Flyway.configure().schemas(POSTGRES.schema()).cleanDisabled(false);
        config.dataSource(POSTGRES.dataSource()).load().clean();
        check(POSTGRES.dataSource(), config);
    }

    private static void check(DataSource dataSource, FluentConfiguration config) {
        config.dataSource(dataSource).target("7").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into visitors (id, token_hash, created_at) values ('v1', 'h1', ?)").param(utc(CREATED)).update();
        jdbc.sql("insert into conversations (id, visitor_id, channel, status, last_seq, created_at, vip, handoff_reason) "
                + "values ('c1', 'v1', 'web', 'closed', 0, ?, true, 'complaint')").param(utc(CREATED)).update();
        jdbc.sql("insert into conversations (id, visitor_id, channel, status, last_seq, created_at) "
                + "values ('c2', 'v1', 'web', 'closed', 0, ?)").param(utc(CREATED)).update();
        jdbc.sql("insert into tickets (id, intent, slots, conversation_id, note, created_at) values "
                + "('T20261120-AAAAAA', 'leave_message', '{\"phone\":\"13800138000\",\"message\":\"乱扣费\"}', 'c1', '', ?)")
                .param(utc(CREATED)).update();
        jdbc.sql("insert into tickets (id, intent, slots, conversation_id, note, created_at) values "
                + "('T20261120-BBBBBB', 'fault_report', '{\"account\":\"139-0013-9000\",\"device\":\"宽带\"}', 'c2', '', ?)")
                .param(utc(CREATED)).update();

        config.dataSource(dataSource).target("latest").load().migrate();
        var store = new JdbcTicketStore(jdbc, JsonMapper.builder().build());
        Ticket complaint = store.find("T20261120-AAAAAA").orElseThrow();
        assertEquals(TicketKind.COMPLAINT, complaint.kind(), "left after a complaint");
        assertEquals(2, complaint.priority());
        assertEquals(TicketStatus.OPEN, complaint.status());
        assertNull(complaint.owner());
        assertEquals("13800138000", complaint.phone());
        assertEquals("v1", complaint.visitor());
        assertEquals(CREATED.plus(Duration.ofHours(2)), complaint.due());
        Ticket fault = store.find("T20261120-BBBBBB").orElseThrow();
        assertEquals(TicketKind.FAULT_REPORT, fault.kind());
        assertEquals(0, fault.priority());
        assertEquals("13900139000", fault.phone());
        assertEquals("宽带", fault.subject());
        assertEquals(CREATED.plus(Duration.ofHours(4)), fault.due());
        assertEquals(List.of("created"), new TicketEvents(jdbc).of(fault.id()).stream().map(e -> e.kind().wireName())
                .toList());

        var everything = new TicketFilter("agent1", null, true, TicketKind.FAULT_REPORT, null, true, true, "web",
                "139 0013 9000", 0, 20);
        assertEquals(List.of(fault.id()), store.list(everything, Instant.parse("2026-12-01T00:00:00Z")).tickets()
                .stream().map(Ticket::id).toList());
        assertEquals(List.of(fault.id()), store.earlier(new Ticket("T20261125-CCCCCC", TicketKind.FAULT_REPORT,
                "fault_report", TicketStatus.OPEN, 0, null, null, CREATED, CREATED, "web", "c2", "v-other",
                "13900139000", "", false, java.util.Map.of(), "", null, null, null, null, null),
                CREATED.minus(Duration.ofDays(30))));
        KefuProperties properties = new Binder(new MapConfigurationPropertySource()).bindOrCreate("kefu",
                KefuProperties.class);
        var report = new TicketAnalytics(jdbc, properties, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
                ZoneOffset.UTC)).report(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20"), Bucket.DAY);
        assertEquals(2, report.rows().get(0).opened());
        assertEquals(2, report.rows().get(0).overdue());
        assertFalse(report.complaintTypes().isEmpty());
    }
}
