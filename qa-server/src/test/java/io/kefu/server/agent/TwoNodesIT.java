package io.kefu.server.agent;

import io.kefu.server.KefuServerApplication;
import io.kefu.server.PostgresTestDatabase;
import io.kefu.server.chat.ChatClient;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.Set;
import java.util.function.Predicate;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two server nodes sharing one PostgreSQL database (the one {@code QA_TEST_POSTGRES_URL} names, otherwise an
 * embedded one: {@link PostgresTestDatabase}): the customer talks to one node, the agent to the other, and they
 * hear each other at once, through PostgreSQL's LISTEN/NOTIFY.
 */
class TwoNodesIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase("kefu_nodes");

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() {
        first = node();
        second = node();
    }

    private static ConfigurableApplicationContext node() {
        // command-line arguments: they win over application.yml, as they would for a real deployment
        return new SpringApplicationBuilder(KefuServerApplication.class).run(DATABASE.serverArguments(
                "--server.port=0",
                "--kefu.handoff.hours=MON-SUN 00:00-24:00",
                "--kefu.handoff.sweep-interval=200ms"));
    }

    @AfterAll
    static void stopNodes() {
        if (second != null) second.close();
        if (first != null) first.close();
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonNode until(ChatClient customer, Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode frame = customer.next();
            if (wanted.test(frame)) return frame;
        }
    }

    @Test
    void aCustomerOnOneNodeAndAnAgentOnTheOtherHearEachOther() {
        second.getBean(StaffService.class).create(new StaffService.NewStaff("remote", "小林", "agent-pass-1",
                Set.of(Role.AGENT), 5, Set.of()), "test");
        try (AgentClient agent = AgentClient.connect(port(second), "remote", "agent-pass-1");
             ChatClient customer = ChatClient.connect(port(first))) {
            agent.until("me");
            customer.send(frame("hello").put("v", 1));
            String conversation = customer.next("welcome").get("conversation").asString();
            customer.send(message("n1", "转人工"));

            agent.until("assigned", conversation);
            until(customer, f -> f.path("kind").asString("").equals("agent_joined"));

            agent.send(AgentClient.frame("typing", conversation).put("on", true));
            until(customer, f -> f.get("type").asString().equals("typing") && f.get("from").asString().equals("agent"));
            agent.send(AgentClient.frame("reply", conversation).put("id", "n1").put("text", "您好，我在另一台服务器上"));
            JsonNode reply = until(customer, f -> f.path("from").asString("").equals("agent")
                    && f.get("type").asString().equals("message"));
            assertEquals("您好，我在另一台服务器上", reply.get("text").asString());
            assertEquals("小林", reply.get("agent").asString());

            customer.send(message("n2", "收到，谢谢"));
            JsonNode heard = agent.until(f -> f.get("type").asString().equals("message")
                    && f.get("message").get("from").asString().equals("customer")
                    && f.get("message").get("text").asString().equals("收到，谢谢"), "the customer's words");
            assertEquals(conversation, heard.get("conversation").asString());
        }
    }
}
