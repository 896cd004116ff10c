package io.kefu.server.outreach;

import io.kefu.server.chat.ChatClient;
import io.kefu.server.operations.OpsServer;
import io.kefu.server.operations.StaffSession;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proactive messages on a real server: to an online and an offline customer, the quick button's response, the daily
 * limit, refusals that send nothing, who may call and edit, and the audit log. Quiet hours: {@link
 * OutreachQuietHoursIT} (this server has none).
 */
@OpsServer
class OutreachIT {

    private static final String DATA_LOW = """
            {"template": "data_low", "customer": "%s", "variables": {"used": "9.5GB", "left": "500MB"}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffService staff;

    private String customer() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOnlineCustomerSeesTheMessageAtOnceAndTheButtonStartsTheFlow() {
        var operator = new OutreachClient(port);
        String customer = customer();
        try (ChatClient chat = ChatClient.connect(port)) {
            OutreachClient.hello(chat, customer);
            HttpResponse<String> sent = operator.send(DATA_LOW.formatted(customer));
            assertEquals(201, sent.statusCode(), sent.body());
            JsonNode accepted = OutreachClient.JSON.readTree(sent.body());
            assertEquals("delivered", accepted.get("status").asString());

            JsonNode shown = chat.next("message");
            assertEquals("system", shown.get("from").asString(), shown.toString());
            assertEquals("outreach", shown.get("kind").asString());
            assertEquals("尊敬的客户，您本月套餐流量已使用 9.5GB，剩余 500MB。如需继续上网，可订购流量加油包。",
                    shown.get("text").asString());
            assertEquals(List.of("怎么购买流量加油包", "查询剩余流量"),
                    shown.get("quickReplies").valueStream().map(JsonNode::asString).toList());

            chat.send(ChatClient.message("b1", "怎么购买流量加油包"));
            chat.next("ack");
            JsonNode answer = chat.next("message");
            assertEquals("bot", answer.get("from").asString());
            JsonNode status = operator.status(accepted.get("id").asString());
            assertEquals("delivered", status.get("status").asString());
            assertNotNull(status.get("deliveredAt").asString());
            assertEquals("怎么购买流量加油包", status.get("response").asString());
        }
    }

    @Test
    void anOfflineCustomerSeesTheMessageOnTheirNextVisit() {
        var operator = new OutreachClient(port);
        String customer = customer();
        JsonNode welcome;
        try (ChatClient first = ChatClient.connect(port)) {
            welcome = OutreachClient.hello(first, customer);
        }
        HttpResponse<String> sent = operator.send(DATA_LOW.formatted(customer));
        assertEquals(201, sent.statusCode(), sent.body());
        String id = OutreachClient.JSON.readTree(sent.body()).get("id").asString();
        assertEquals("pending", operator.status(id).get("status").asString());

        try (ChatClient back = ChatClient.connect(port)) {
            // the same browser (its visitor token), no profile this time: the visitor is known to be the customer
            back.send(ChatClient.frame("hello").put("v", 1).put("token", welcome.get("token").asString())
                    .put("conversation", welcome.get("conversation").asString()).put("lastSeq", 0));
            back.next("welcome");
            JsonNode shown = back.next("message");
            assertEquals("outreach", shown.get("kind").asString(), shown.toString());
            assertTrue(shown.get("text").asString().contains("剩余 500MB"));
        }
        JsonNode status = operator.status(id);
        assertEquals("delivered", status.get("status").asString());
        assertEquals(welcome.get("conversation").asString(), jdbc.sql(
                "select conversation_id from outreach_messages where id = ?").param(id).query(String.class).single());
    }

    @Test
    void theDailyLimitRefusesTheThirdMessageAndSendsNothing() {
        var operator = new OutreachClient(port);
        String customer = customer();
        try (ChatClient chat = ChatClient.connect(port)) {
            OutreachClient.hello(chat, customer);
            for (int i = 0; i < 2; i++) {
                assertEquals(201, operator.send(DATA_LOW.formatted(customer)).statusCode());
                assertEquals("outreach", chat.next("message").get("kind").asString());
            }
            HttpResponse<String> third = operator.send(DATA_LOW.formatted(customer));
            assertEquals(429, third.statusCode(), third.body());
            assertTrue(third.body().contains("daily_limit") && third.body().contains("每日上限"), third.body());
            assertTrue(chat.drain(Duration.ofMillis(500)).isEmpty(), "nothing more was shown");
        }
        assertEquals(2L, stored(customer));
    }

    @Test
    void unknownTemplatesCustomersAndVariablesAreRefusedWholeAndAudited() {
        var operator = new OutreachClient(port);
        String customer = customer();
        try (ChatClient chat = ChatClient.connect(port)) {
            OutreachClient.hello(chat, customer);
            assertRefused(operator.send("""
                    {"template": "no_such", "customer": "%s", "variables": {}}""".formatted(customer)), 404,
                    "unknown_template");
            assertRefused(operator.send(DATA_LOW.formatted("C-nobody")), 404, "unknown_customer");
            assertRefused(operator.send("""
                    {"template": "data_low", "customer": "%s", "variables": {"used": "1GB"}}""".formatted(customer)),
                    400, "left");
            assertRefused(operator.send("""
                    {"template": "data_low", "customer": "%s", "variables": {"used": "1GB", "left": "1GB", "x": "1"}}"""
                    .formatted(customer)), 400, "x");
            assertRefused(operator.send("""
                    {"template": "data_low", "customer": "<script>", "variables": {}}"""), 400, "客户编号");
            assertRefused(operator.send("{not json"), 400, "JSON");
            assertTrue(chat.drain(Duration.ofMillis(500)).isEmpty(), "nothing was shown");
        }
        assertEquals(0L, stored(customer));
        long refusals = jdbc.sql("select count(*) from audit_log where actor = 'outreach-api' "
                + "and action = 'outreach_refused' and target = ?").param(customer).query(Long.class).single();
        assertEquals(3L, refusals, "every refusal naming this customer is audited (template, two variables)");
    }

    @Test
    void onlyTheOperatorsKeyMaySendAndOnlyAdministratorsEditTemplates() {
        var operator = new OutreachClient(port);
        String customer = customer();
        try (ChatClient chat = ChatClient.connect(port)) {
            OutreachClient.hello(chat, customer);
            assertEquals(401, operator.send(DATA_LOW.formatted(customer), null).statusCode());
            assertEquals(401, operator.send(DATA_LOW.formatted(customer), "wrong-key").statusCode());
            var admin = StaffSession.newAccount(port, staff, Role.ADMIN);
            assertEquals(401, admin.postJson("/api/outreach", DATA_LOW.formatted(customer)).statusCode(),
                    "a console session cannot send");
            var agent = StaffSession.newAccount(port, staff, Role.SUPERVISOR);
            assertEquals(403, agent.get("/api/admin/outreach/templates").statusCode());
            assertTrue(admin.get("/api/admin/outreach/templates").body().contains("data_low"));

            String id = "promo_" + UUID.randomUUID().toString().substring(0, 6).replace('-', '_');
            HttpResponse<String> v1 = admin.send(put(admin, "/api/admin/outreach/templates/" + id,
                    "{\"title\": \"测试\", \"body\": \"第一版 {{name}}\", \"buttons\": [\"转人工\"]}"));
            assertEquals(200, v1.statusCode(), v1.body());
            HttpResponse<String> v2 = admin.send(put(admin, "/api/admin/outreach/templates/" + id,
                    "{\"title\": \"测试\", \"body\": \"第二版 {{name}}\", \"buttons\": []}"));
            assertTrue(v2.body().contains("\"version\":2"), v2.body());
            HttpResponse<String> sent = operator.send("""
                    {"template": "%s", "customer": "%s", "variables": {"name": "<b>王</b>"}}""".formatted(id, customer));
            assertEquals(201, sent.statusCode(), sent.body());
            assertTrue(sent.body().contains("\"templateVersion\":2"), sent.body());
            JsonNode shown = chat.next("message");
            assertEquals("第二版 <b>王</b>", shown.get("text").asString(), "stored as text; the widget shows it as text");
        }
        assertEquals(0L, stored(customer) - 1, "only the last call was sent");
        assertTrue(jdbc.sql("select count(*) from audit_log where actor = 'outreach-api' and action = 'outreach' "
                + "and target = ?").param(customer).query(Long.class).single() == 1);
    }

    private static HttpRequest put(StaffSession session, String path, String json) {
        session.get("/api/staff/me");
        return HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", session.cookie("XSRF-TOKEN"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private long stored(String customer) {
        return jdbc.sql("select count(*) from outreach_messages where customer_id = ?").param(customer)
                .query(Long.class).single();
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String mentions) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(mentions), answer.body());
    }
}
