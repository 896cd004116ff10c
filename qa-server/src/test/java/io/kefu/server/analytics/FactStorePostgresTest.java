package io.kefu.server.analytics;

import io.kefu.server.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The analytics' PostgreSQL query (a lateral join; H2 runs another, checked by {@link AnalyticsIT}) on the same
 * fixed history: the same figures, and the migrations V25 and V26 run on PostgreSQL.
 */
class FactStorePostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase("kefu_analytics");

    @Test
    void theFixedHistoryGivesTheSameFigures() {
        DataSource dataSource = DATABASE.dataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(DATABASE.schema()).cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        new ServiceHistory(jdbc).write();
        var store = new FactStore(jdbc, dataSource);

        Period week = Period.parse("2025-03-03", "2025-03-10", "week", null, ServiceHistory.ZONE);
        List<ConversationFacts> facts = store.conversations(week.startInstant(),
                week.endInstant().plus(ServiceReport.REPEAT_WINDOW));
        List<ServiceReport.Row> rows = ServiceReport.rows(week, facts);
        assertEquals(List.of(
                new ServiceReport.Row("2025-03-03", "web", 7, 2, 0.2857, 4, 0.5714, 3, 240.0, 600.0, 11.7, 500.0, 4,
                        3.0, 0.5),
                new ServiceReport.Row("2025-03-10", "wechat", 1, 1, 1.0, 0, 0.0, 0, null, null, null, null, 1, 3.0,
                        0.0)), rows);
        assertEquals(List.of("human:1", "complaint:1", "no_answer:1", "form_failed:0", "not_queued:1"),
                ServiceReport.handoffs(week, facts).stream().map(h -> h.reason() + ":" + h.count()).toList());
        assertEquals(List.of(new FactStore.Count(ServiceHistory.BALANCE, 3), new FactStore.Count(
                ServiceHistory.NEGATIVE, 1)), store.answered(week.startInstant(), week.endInstant(), null, 20));
        assertEquals(List.of(new FactStore.Count("=cmd|计算器", 2), new FactStore.Count("怎么开发票", 1)),
                store.unanswered(week.startInstant(), week.endInstant(), null, 20));
    }
}
