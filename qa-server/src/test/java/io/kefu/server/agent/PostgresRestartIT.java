package io.kefu.server.agent;

import io.kefu.server.KefuServerApplication;
import io.kefu.server.LogCapture;
import io.kefu.server.RestartablePostgres;
import io.kefu.server.chat.ChatClient;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarts under chat (a database of the test's own: {@link RestartablePostgres}). While it is down a
 * customer's message gets the temporary error the widget retries on, not an acknowledgement and not a stack trace;
 * once it is back both nodes serve again by themselves, hear each other again (LISTEN resubscribed), and everything
 * acknowledged before, during and after is stored.
 */
class PostgresRestartIT {

    private static final String PASSWORD = "agent-pass-1";

    private static RestartablePostgres postgres;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = RestartablePostgres.start();
        first = node();
        second = node();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(KefuServerApplication.class).run(
                "--server.port=0",
                "--kefu.database.url=" + postgres.url(),
                "--kefu.database.username=postgres",
                "--kefu.handoff.hours=MON-SUN 00:00-24:00",
                "--kefu.handoff.sweep-interval=200ms",
                "--kefu.handoff.node-timeout=3s",
                "--kefu.handoff.grace-period=30s",
                // a frame waits this long for a connection while the database is away, then gets the temporary error
                "--spring.datasource.hikari.connection-timeout=1000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) second.close();
        if (first != null) first.close();
        if (postgres != null) postgres.close();
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void theNodesRideOutARestartOfTheDatabase() throws Exception {
        first.getBean(StaffService.class).create(new StaffService.NewStaff("steady", "小稳", PASSWORD,
                Set.of(Role.AGENT), 5, Set.of()), "test");
        List<String> acknowledged = new ArrayList<>();
        try (LogCapture log = LogCapture.capture();
             AgentClient agent = AgentClient.connect(port(second), "steady", PASSWORD);
             ChatClient customer = ChatClient.connect(port(first))) {
            agent.until("me");
            customer.send(frame("hello").put("v", 1));
            String conversation = customer.next("welcome").get("conversation").asString();
            customer.send(message("before", "转人工"));
            acknowledged.add(customer.next("ack").get("id").asString());
            agent.until("assigned", conversation);
            agent.send(AgentClient.frame("open", conversation).put("ref", "open"));   // as the console does
            agent.until("transcript", conversation);
            heardAcross(customer, agent, conversation, "before-2", "我的宽带坏了");

            postgres.stop();
            customer.send(message("during", "你们在吗"));
            JsonNode refused = until(customer, f -> f.path("type").asString("").equals("error")
                    || f.path("type").asString("").equals("ack"));
            assertEquals("error", refused.get("type").asString(), "nothing is acknowledged while nothing is stored: "
                    + refused);
            assertEquals("unavailable", refused.get("code").asString(), refused.toString());
            assertEquals("during", refused.get("id").asString());
            agent.send(AgentClient.frame("reply", conversation).put("id", "a-during").put("text", "稍等").put("ref", "x"));
            JsonNode agentRefused = agent.until(f -> "x".equals(f.path("ref").asString(null)), "the refused reply");
            assertEquals("unavailable", agentRefused.path("code").asString(""), agentRefused.toString());

            postgres.startAgain();
            // the widget sends the refused message again until it is acknowledged
            JsonNode ack = null;
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ack == null && System.nanoTime() < end) {
                customer.send(message("during", "你们在吗"));
                JsonNode answer = until(customer, f -> f.path("type").asString("").equals("error")
                        || f.path("type").asString("").equals("ack"));
                if (answer.get("type").asString().equals("ack")) ack = answer; else Thread.sleep(500);
            }
            assertTrue(ack != null, "the server did not recover within 30 s");
            acknowledged.add("during");
            // both nodes hear each other again: LISTEN was taken up again on a new connection
            agent.until(f -> says(f, "你们在吗"), "the message sent again");
            heardAcross(customer, agent, conversation, "after", "好的，谢谢");
            acknowledged.add("before-2");
            acknowledged.add("after");

            JdbcClient jdbc = second.getBean(JdbcClient.class);
            for (String id : acknowledged) {
                assertEquals(1, jdbc.sql("select count(*) from messages where conversation_id = ? and client_id = ? "
                        + "and sender = 'customer'").params(conversation, id).query(Integer.class).single(), id);
            }
            // Spring's TransactionTemplate logs a rollback that failed on a cut connection; our code logs one line
            assertEquals(List.of(), log.failures().stream().filter(f -> f.contains("io.kefu")).toList(),
                    "an outage of the database is not a failure of the server");
        }
    }

    /** The customer on the first node speaks and the agent on the second hears it, and the other way round. */
    private static void heardAcross(ChatClient customer, AgentClient agent, String conversation, String id,
                                    String text) {
        customer.send(message(id, text));
        until(customer, f -> f.path("type").asString("").equals("ack"));
        agent.until(f -> says(f, text), "the customer's " + id);
        agent.send(AgentClient.frame("reply", conversation).put("id", "a-" + id).put("text", "收到：" + text));
        JsonNode reply = until(customer, f -> f.path("from").asString("").equals("agent"));
        assertEquals("收到：" + text, reply.get("text").asString());
    }

    /**
     * A message frame with this text, or a transcript that has it: a node that missed the other's announcement while
     * its bus was away sends the open conversation's transcript again once it listens again.
     */
    private static boolean says(JsonNode frame, String text) {
        String type = frame.path("type").asString("");
        if (type.equals("message")) return frame.get("message").get("text").asString().equals(text);
        if (!type.equals("transcript")) return false;
        for (JsonNode message : frame.get("messages")) if (message.path("text").asString("").equals(text)) return true;
        return false;
    }

    private static JsonNode until(ChatClient customer, java.util.function.Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode frame = customer.next();
            if (wanted.test(frame)) return frame;
        }
    }
}
