package io.kefu.server.ticket;

import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ticket desk on a real server: a fault reported in chat is worked by an agent through the API to 已解决, the
 * customer hears the outcome (at once, or on the next visit) and rates it; overdue, repeats, and who may read what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.handoff.hours=MON-SUN 00:00-24:00")
@Import(TicketDeskIT.Clocks.class)
class TicketDeskIT {

    static final String PASSWORD = "desk-pass-1";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    private String account(Role... roles) {
        String name = "desk" + NAMES.incrementAndGet();
        staff.create(new StaffService.NewStaff(name, "客服" + name, PASSWORD, Set.of(roles), 5, Set.of()), "test");
        return name;
    }

    private StaffSession signIn(Role... roles) {
        return StaffSession.signedIn(port, account(roles), PASSWORD);
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    @Test
    void aFaultReportedInChatIsWorkedToResolvedAndTheCustomerRatesTheOutcome() {
        try (Customer customer = Customer.connect(port, null, null)) {
            String id = customer.reportFault("13800138000");
            StaffSession agent = signIn(Role.AGENT);

            JsonNode unassigned = agent.json("/api/tickets?unassigned=true&type=fault_report&size=100");
            assertTrue(ids(unassigned).contains(id), unassigned.toString());
            JsonNode found = agent.json("/api/tickets?q=13800138000").get("items").get(0);
            assertEquals(id, found.get("id").asString());
            assertEquals("待处理", found.get("statusLabel").asString());
            assertEquals("13800138000", found.get("slots").get("account").asString(), "the agent sees the number");

            assertEquals("in_progress", agent.event(id, "{\"type\":\"claim\"}").get("ticket").get("status").asString());
            agent.event(id, "{\"type\":\"comment\",\"body\":\"<b>已派单</b>给装维\"}");
            String retry = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString();
            JsonNode notReached = agent.event(id, "{\"type\":\"callback\",\"reached\":false,\"note\":\"无人接听\","
                    + "\"retryAt\":\"" + retry + "\"}");
            assertEquals("callback", notReached.get("ticket").get("status").asString());
            assertEquals(OffsetDateTime.parse(retry).toInstant().toString(),
                    notReached.get("ticket").get("callbackAt").asString());
            agent.event(id, "{\"type\":\"callback\",\"reached\":true,\"note\":\"客户在家\"}");
            JsonNode resolved = agent.event(id, "{\"type\":\"resolve\",\"category\":\"已修复\","
                    + "\"note\":\"光猫已更换，网络恢复正常\"}");
            assertEquals("已解决", resolved.get("ticket").get("statusLabel").asString());

            JsonNode notice = customer.until(f -> f.get("kind").asString().equals("ticket_resolved"));
            assertEquals("system", notice.get("from").asString());
            assertTrue(notice.get("text").asString().contains(id), notice.toString());
            assertTrue(notice.get("text").asString().contains("光猫已更换，网络恢复正常"), notice.toString());
            assertEquals(5, notice.get("quickReplies").size(), notice.toString());

            JsonNode thanks = customer.say("5分 非常满意");
            assertTrue(thanks.get("text").asString().contains("5 分"), thanks.toString());
            JsonNode detail = agent.json("/api/tickets/" + id);
            assertEquals(5, detail.get("ticket").get("rating").asInt());
            List<String> history = new ArrayList<>();
            detail.get("history").forEach(e -> history.add(e.get("kind").asString()));
            assertEquals(List.of("created", "claimed", "comment", "callback", "callback", "resolved", "notified",
                    "rated"), history);
            assertEquals("<b>已派单</b>给装维", detail.get("comments").get(0).get("body").asString(), "kept as typed");
            assertTrue(detail.get("transcript").toString().contains("我家宽带坏了"), "the conversation comes along");

            JsonNode again = customer.say("5");
            assertFalse(again.get("text").asString().contains("感谢您对工单"), "rated once: the bot has it again");
        }
    }

    @Test
    void aCustomerWhoLeftHearsTheOutcomeOnTheNextVisit() {
        String token;
        String id;
        try (Customer customer = Customer.connect(port, null, null)) {
            id = customer.reportFault("13700137000");
            token = customer.token;
            customer.socket.send(io.kefu.server.chat.ChatClient.frame("close"));
            customer.until(f -> f.get("kind").asString().equals("closed"));
        }
        StaffSession agent = signIn(Role.AGENT);
        agent.event(id, "{\"type\":\"claim\"}");
        agent.event(id, "{\"type\":\"resolve\",\"category\":\"已修复\",\"note\":\"线路已修复\"}");
        assertEquals(0, jdbc.sql("select count(*) from tickets where id = ? and notified_at is not null").param(id)
                .query(Integer.class).single(), "nobody to tell yet");
        try (Customer back = Customer.connect(port, token, null)) {
            JsonNode notice = back.until(f -> f.get("kind").asString().equals("ticket_resolved"));
            assertTrue(notice.get("text").asString().contains("线路已修复"), notice.toString());
            JsonNode thanks = back.say("4");
            assertTrue(thanks.get("text").asString().contains("4 分"), thanks.toString());
        }
        assertEquals(4, jdbc.sql("select rating from tickets where id = ?").param(id).query(Integer.class).single());
    }

    @Test
    void aTicketPastItsTimeLimitIsFlaggedOverdue() {
        try (Customer customer = Customer.connect(port, null, null)) {
            String id = customer.reportFault("13600136000");
            StaffSession supervisor = signIn(Role.SUPERVISOR);
            assertFalse(ids(supervisor.json("/api/tickets?overdue=true&size=100")).contains(id));
            clock.advance(Duration.ofHours(3).plusMinutes(45));
            JsonNode soon = supervisor.json("/api/tickets?q=" + id).get("items").get(0);
            assertTrue(soon.get("soonDue").asBoolean(), soon.toString());
            clock.advance(Duration.ofMinutes(20));
            assertTrue(ids(supervisor.json("/api/tickets?overdue=true&size=100")).contains(id));
            assertTrue(supervisor.json("/api/tickets/" + id).get("ticket").get("overdue").asBoolean());
        }
    }

    @Test
    void aSecondReportOfTheSameFaultIsMarkedRepeatedAndLinked() {
        try (Customer customer = Customer.connect(port, null, null)) {
            String first = customer.reportFault("13500135000");
            String second = customer.reportFault("13500135000");
            StaffSession supervisor = signIn(Role.SUPERVISOR);
            JsonNode detail = supervisor.json("/api/tickets/" + second);
            assertTrue(detail.get("ticket").get("repeated").asBoolean(), detail.toString());
            assertEquals(first, detail.get("repeats").get(0).asString());
            assertFalse(supervisor.json("/api/tickets/" + first).get("ticket").get("repeated").asBoolean());
        }
    }

    @Test
    void aCustomerSeesOnlyTheirOwnTicketsInChatAndNoneThroughTheApi() {
        try (Customer owner = Customer.connect(port, null, null); Customer other = Customer.connect(port, null, null)) {
            String id = owner.reportFault("13400134000");
            owner.say("我的报修进度");
            JsonNode own = owner.until(f -> f.get("from").asString().equals("bot"));
            assertTrue(own.get("text").asString().contains(id), own.toString());
            assertFalse(own.get("text").asString().contains("13400134000"), "no numbers in chat listings");

            other.say("查一下工单");
            JsonNode none = other.until(f -> f.get("from").asString().equals("bot"));
            assertEquals(TicketStatusReplies.NONE, none.get("text").asString());

            StaffSession anonymous = StaffSession.anonymous(port);
            assertEquals(401, anonymous.get("/api/tickets/" + id).statusCode());
            assertEquals(401, anonymous.get("/api/tickets?q=13400134000").statusCode());
        }
    }

    @Test
    void everyEndpointChecksTheRole() {
        String ticket;
        try (Customer customer = Customer.connect(port, null, null)) {
            ticket = customer.reportFault("13300133000");
        }
        String analytics = "/api/analytics/tickets?from=2026-12-01&to=2026-12-07&bucket=day";
        StaffSession anonymous = StaffSession.anonymous(port);
        for (String path : List.of("/api/tickets", "/api/tickets/" + ticket, "/api/tickets/options", analytics)) {
            assertEquals(401, anonymous.get(path).statusCode(), path);
        }
        // refused before the session is even looked at: an anonymous POST has no CSRF token
        assertEquals(403, anonymous.postWithoutCsrf("/api/tickets/" + ticket + "/events", "{\"type\":\"claim\"}")
                .statusCode());

        StaffSession editor = signIn(Role.EDITOR);
        for (String path : List.of("/api/tickets", "/api/tickets/" + ticket, analytics)) {
            assertEquals(403, editor.get(path).statusCode(), path);
        }
        assertEquals(403, editor.post("/api/tickets/" + ticket + "/events", "{\"type\":\"claim\"}").statusCode());

        StaffSession agent = signIn(Role.AGENT);
        assertEquals(403, agent.get(analytics).statusCode(), "analytics are for supervisors");
        assertEquals(403, agent.postWithoutCsrf("/api/tickets/" + ticket + "/events", "{\"type\":\"claim\"}")
                .statusCode(), "no CSRF token, no change");
        var assign = agent.post("/api/tickets/" + ticket + "/events", "{\"type\":\"assign\",\"owner\":\"x\"}");
        assertEquals(403, assign.statusCode());
        assertTrue(assign.body().contains("只有主管可以分配工单"), assign.body());
        var bad = agent.post("/api/tickets/" + ticket + "/events", "{\"type\":\"fly\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("未知的操作"), bad.body());
        assertEquals(400, agent.get("/api/tickets?size=1000").statusCode());
        assertEquals(400, agent.get("/api/tickets?status=nonsense").statusCode());

        StaffSession supervisor = signIn(Role.SUPERVISOR);
        String other = account(Role.AGENT);
        supervisor.event(ticket, "{\"type\":\"assign\",\"owner\":\"" + other + "\"}");
        var hidden = agent.get("/api/tickets/" + ticket);
        assertEquals(404, hidden.statusCode(), "another agent's ticket: ids reveal nothing");
        assertTrue(hidden.body().contains("没有找到该工单"), hidden.body());
        JsonNode figures = supervisor.json(analytics);
        assertTrue(figures.has("rows") && figures.has("complaintTypes"), figures.toString());
        assertEquals(400, supervisor.get("/api/analytics/tickets?from=2026-12-07&to=2026-12-01").statusCode());
        assertEquals(400, supervisor.get("/api/analytics/tickets?from=x&to=2026-12-01").statusCode());
    }
}
