package io.kefu.server.analytics;

import io.kefu.server.operations.OpsServer;
import io.kefu.server.operations.StaffSession;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics figures on the fixed history of {@link ServiceHistory}, each worked out by hand, on a real server;
 * who may read them; CSV downloads as Excel on Chinese Windows needs them; bad parameters.
 */
@OpsServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PERIOD = "from=2025-03-03&to=2025-03-10";
    private static final List<String> ROW_FIELDS = List.of("conversations", "botResolved", "botResolutionRate",
            "handedOff", "handoffRate", "served", "queueWaitAverage", "queueWaitP90", "firstResponseAverage",
            "handleTimeAverage", "rated", "csatAverage", "satisfiedShare");

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    JdbcClient jdbc;

    private StaffSession supervisor;

    @BeforeAll
    void history() {
        new ServiceHistory(jdbc).write();
        supervisor = StaffSession.newAccount(port, staff, Role.SUPERVISOR);
    }

    @Test
    void everyFigureOfEachDay() {
        JsonNode summary = summary(PERIOD + "&bucket=day");
        assertEquals("Asia/Shanghai", summary.get("zone").asString());
        JsonNode rows = summary.get("rows");
        assertEquals(3, rows.size(), rows.toString());
        // c1, c2, c3, c4, c9: c1 and c3 resolved by the bot (c2 came back within 24 h); c4 and c9 served
        assertRow(rows.get(0), "2025-03-03", "web", 5, 2, 0.4, 2, 0.4, 2, 315.0, 600.0, 7.5, 450.0, 2, 4.5, 1.0);
        // c5 and c6 (c7 said nothing; c6 at 23:00 Beijing time is still the 4th)
        assertRow(rows.get(1), "2025-03-04", "web", 2, 0, 0.0, 2, 1.0, 1, 90.0, 90.0, 20.0, 600.0, 2, 1.5, 0.0);
        assertRow(rows.get(2), "2025-03-10", "wechat", 1, 1, 1.0, 0, 0.0, 0, null, null, null, null, 1, 3.0, 0.0);
    }

    @Test
    void everyFigureOfEachWeekAndOneChannel() {
        JsonNode rows = summary(PERIOD + "&bucket=week").get("rows");
        assertEquals(2, rows.size(), rows.toString());
        assertRow(rows.get(0), "2025-03-03", "web", 7, 2, 0.2857, 4, 0.5714, 3, 240.0, 600.0, 11.7, 500.0, 4, 3.0, 0.5);
        assertRow(rows.get(1), "2025-03-10", "wechat", 1, 1, 1.0, 0, 0.0, 0, null, null, null, null, 1, 3.0, 0.0);

        JsonNode web = summary(PERIOD + "&bucket=month&channel=web");
        assertEquals(1, web.get("rows").size());
        assertRow(web.get("rows").get(0), "2025-03-01", "web", 7, 2, 0.2857, 4, 0.5714, 3, 240.0, 600.0, 11.7, 500.0,
                4, 3.0, 0.5);
        assertEquals(List.of("tel-billing-001:2", "tel-billing-002:1"), questions(web.get("topQuestions")));
    }

    @Test
    void handoffsSatisfactionAndQuestions() {
        JsonNode summary = summary(PERIOD);
        JsonNode handoffs = summary.get("handoffs");
        assertEquals(List.of("human:1:0.125", "complaint:1:0.125", "no_answer:1:0.125", "form_failed:0:0.0",
                        "not_queued:1:0.125"),
                StreamSupport.stream(handoffs.spliterator(), false).map(h -> h.get("reason").asString() + ":"
                        + h.get("count").asLong() + ":" + h.get("share").asDouble()).toList());

        JsonNode bot = summary.get("satisfaction").get(0);
        assertEquals("bot", bot.get("who").asString());
        assertEquals(List.of(3L, 1L, 0L, 1L, 0L, 1L), counts(bot, "rated", "stars1", "stars2", "stars3", "stars4",
                "stars5"));
        assertEquals(3.0, bot.get("average").asDouble());
        assertEquals(0.3333, bot.get("satisfiedShare").asDouble());
        JsonNode agents = summary.get("satisfaction").get(1);
        assertEquals(List.of(2L, 0L, 1L, 0L, 1L, 0L), counts(agents, "rated", "stars1", "stars2", "stars3", "stars4",
                "stars5"));
        assertEquals(3.0, agents.get("average").asDouble());
        assertEquals(0.5, agents.get("satisfiedShare").asDouble());

        // a1 served c4 (10 s, 300 s, rated 4) and c9 (5 s, 600 s); a2 served c5 (20 s, 600 s, rated 2)
        assertEquals(List.of("a1:2:7.5:450.0:1:4.0", "a2:1:20.0:600.0:1:2.0"),
                StreamSupport.stream(summary.get("agents").spliterator(), false).map(a -> a.get("agent").asString()
                        + ":" + a.get("served").asLong() + ":" + a.get("firstResponseAverage").asDouble() + ":"
                        + a.get("handleTimeAverage").asDouble() + ":" + a.get("rated").asLong() + ":"
                        + a.get("csatAverage").asDouble()).toList());

        assertEquals(List.of("tel-billing-001:3", "tel-billing-002:1"), questions(summary.get("topQuestions")));
        assertEquals("怎么查询话费余额", summary.get("topQuestions").get(0).get("question").asString());
        JsonNode unanswered = summary.get("topUnanswered");
        assertEquals(2, unanswered.size());
        assertEquals("=cmd|计算器", unanswered.get(0).get("question").asString());
        assertEquals(2, unanswered.get(0).get("count").asLong());
        assertEquals("怎么开发票", unanswered.get(1).get("question").asString());
    }

    @Test
    void everyTableDownloadsAsCsvThatExcelOnChineseWindowsReads() {
        HttpResponse<byte[]> csv = supervisor.bytes("/api/analytics/overview.csv?" + PERIOD + "&bucket=day");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        byte[] body = csv.body();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 BOM");
        List<String> lines = List.of(new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("周期,渠道,会话数,机器人解决数,机器人解决率"), lines.get(0));
        assertEquals("2025-03-03,web,5,2,0.4,2,0.4,2,315.0,600.0,7.5,450.0,2,4.5,1.0", lines.get(1));
        assertEquals("2025-03-10,wechat,1,1,1.0,0,0.0,0,,,,,1,3.0,0.0", lines.get(3));

        String unanswered = new String(supervisor.bytes("/api/analytics/unanswered.csv?" + PERIOD).body(),
                StandardCharsets.UTF_8);
        assertTrue(unanswered.contains("'=cmd|计算器,2\r\n"), "a formula is neutralised: " + unanswered);
        for (String table : List.of("handoffs", "satisfaction", "agents", "questions")) {
            HttpResponse<byte[]> other = supervisor.bytes("/api/analytics/" + table + ".csv?" + PERIOD);
            assertEquals(200, other.statusCode(), table);
            assertTrue(new String(other.body(), StandardCharsets.UTF_8).lines().count() >= 2, table);
        }
    }

    @Test
    void onlySupervisorsAndAdministratorsReadTheFigures() {
        assertEquals(401, StaffSession.anonymous(port).get("/api/analytics/summary").statusCode());
        assertEquals(401, StaffSession.anonymous(port).bytes("/api/analytics/overview.csv").statusCode());
        var agent = StaffSession.newAccount(port, staff, Role.AGENT);
        assertEquals(403, agent.get("/api/analytics/summary").statusCode());
        assertEquals(403, agent.bytes("/api/analytics/overview.csv").statusCode());
        assertEquals(403, StaffSession.newAccount(port, staff, Role.EDITOR).get("/api/analytics/summary").statusCode());
        assertEquals(200, StaffSession.newAccount(port, staff, Role.ADMIN).get("/api/analytics/summary").statusCode());
        assertEquals(200, supervisor.get("/api/analytics/summary").statusCode(), "default: the last 30 days");
    }

    @Test
    void badParametersAreRefusedInChinese() {
        for (String query : List.of("bucket=year", "from=2025-03-10&to=2025-03-01", "from=3.3.2025",
                "from=2020-01-01&to=2025-01-01", "channel=%3Cscript%3E")) {
            HttpResponse<String> answer = supervisor.get("/api/analytics/summary?" + query);
            assertEquals(400, answer.statusCode(), query);
            assertTrue(answer.body().matches("(?s).*[\\u4e00-\\u9fff].*"), query + ": " + answer.body());
        }
        HttpResponse<byte[]> unknown = supervisor.bytes("/api/analytics/secrets.csv");
        assertEquals(400, unknown.statusCode());
    }

    private JsonNode summary(String query) {
        HttpResponse<String> answer = supervisor.get("/api/analytics/summary?" + query);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private static void assertRow(JsonNode row, String period, String channel, Object... expected) {
        assertEquals(period, row.get("period").asString(), row.toString());
        assertEquals(channel, row.get("channel").asString(), row.toString());
        for (int i = 0; i < ROW_FIELDS.size(); i++) {
            JsonNode value = row.get(ROW_FIELDS.get(i));
            Object actual = value == null || value.isNull() ? null
                    : value.isIntegralNumber() ? (Object) value.asInt() : (Object) value.asDouble();
            assertEquals(expected[i], actual, period + " " + channel + " " + ROW_FIELDS.get(i));
        }
    }

    private static List<Long> counts(JsonNode node, String... fields) {
        return Arrays.stream(fields).map(f -> node.get(f).asLong()).toList();
    }

    private static List<String> questions(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(q -> q.get("id").asString() + ":" + q.get("count").asLong()).toList();
    }
}
