package io.kefu.server.agent;

import io.kefu.server.KefuServerApplication;
import io.kefu.server.PostgresTestDatabase;
import io.kefu.server.ServerProcess;
import io.kefu.server.chat.ChatClient;
import io.kefu.server.cluster.NodeId;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One of two nodes sharing PostgreSQL is killed (SIGKILL: {@link ServerProcess}) while its customers talk to the
 * bot and to agents: the customers resume on the other node with nothing lost and nothing stored twice, the agent
 * who signs in again there keeps their conversation, and the conversation of the agent who does not come back is
 * not stuck with a dead node's console: it goes back to the queue and on to the agent who is there.
 */
class NodeKilledIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase("kefu_kill");
    private static final String PASSWORD = "agent-pass-1";
    private static final String[] SETTINGS = {
            "--kefu.handoff.hours=MON-SUN 00:00-24:00",
            "--kefu.handoff.sweep-interval=200ms",
            "--kefu.handoff.node-timeout=2s",
            "--kefu.handoff.grace-period=2s"};

    private static ServerProcess doomed;
    private static ConfigurableApplicationContext survivor;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        List<String> doomedArguments = new ArrayList<>(List.of(DATABASE.serverArguments(SETTINGS)));
        doomedArguments.add("--kefu.data-dir=target/test-data/doomed-node");
        doomed = ServerProcess.start("doomed-node", doomedArguments.toArray(String[]::new));
        survivor = new SpringApplicationBuilder(KefuServerApplication.class)
                .run(DATABASE.serverArguments(concat(SETTINGS, "--server.port=0")));
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (survivor != null) survivor.close();
        if (doomed != null) doomed.close();
    }

    /** A customer's side: the socket, what the server acknowledged, and what is still unacknowledged. */
    private static final class Customer {
        ChatClient socket;
        String token;
        String conversation;
        long lastSeq;
        final Map<String, String> unacknowledged = new LinkedHashMap<>();
        final List<String> acknowledged = new ArrayList<>();

        Customer(int port) {
            socket = ChatClient.connect(port);
            socket.send(frame("hello").put("v", 1));
            JsonNode welcome = socket.next("welcome");
            token = welcome.get("token").asString();
            conversation = welcome.get("conversation").asString();
        }

        void say(String id, String text) {
            unacknowledged.put(id, text);
            socket.trySend(message(id, text));
        }

        /** The frames until one matches, acknowledging on the way. */
        JsonNode until(Predicate<JsonNode> wanted) {
            while (true) {
                JsonNode frame = socket.next();
                take(frame);
                if (wanted.test(frame)) return frame;
            }
        }

        void take(JsonNode frame) {
            String type = frame.path("type").asString("");
            if (type.equals("ack")) {
                unacknowledged.remove(frame.get("id").asString());
                acknowledged.add(frame.get("id").asString());
            }
            if (type.equals("ack") || type.equals("message")) lastSeq = Math.max(lastSeq, frame.get("seq").asLong());
        }

        /** Waits until every message sent has been acknowledged. */
        void settle() {
            while (!unacknowledged.isEmpty()) take(socket.next());
        }

        /** What the widget does after a dropped connection: resume where it was, send again what was not acked. */
        void resumeOn(int port) {
            for (JsonNode frame : socket.drain(Duration.ZERO)) take(frame);
            socket.close();
            socket = ChatClient.connect(port);
            socket.send(frame("hello").put("v", 1).put("token", token).put("conversation", conversation)
                    .put("lastSeq", lastSeq));
            JsonNode welcome = socket.next("welcome");
            assertTrue(welcome.get("resumed").asBoolean(), "resumed on the other node: " + welcome);
            assertEquals(conversation, welcome.get("conversation").asString());
            for (var unsent : new ArrayList<>(unacknowledged.entrySet())) socket.send(message(unsent.getKey(),
                    unsent.getValue()));
        }
    }

    @Test
    void customersAndAnAgentCarryOnAtTheOtherNodeAndNothingIsStuckWithTheDeadOne() throws Exception {
        StaffService staff = survivor.getBean(StaffService.class);
        JdbcClient jdbc = survivor.getBean(JdbcClient.class);
        staff.create(new StaffService.NewStaff("stays", "小留", PASSWORD, Set.of(Role.AGENT), 5, Set.of()), "test");
        staff.create(new StaffService.NewStaff("leaves", "小走", PASSWORD, Set.of(Role.AGENT), 5, Set.of()), "test");
        int dead = doomed.port();
        int alive = Integer.parseInt(survivor.getEnvironment().getProperty("local.server.port"));

        // on the doomed node: an agent serving a customer, another agent serving another, a customer with the bot
        AgentClient stays = AgentClient.connect(dead, "stays", PASSWORD);
        stays.until("me");
        Customer served = new Customer(dead);
        served.say("s1", "转人工");
        stays.until("assigned", served.conversation);
        stays.send(AgentClient.frame("status", null).put("status", "busy").put("ref", "busy"));
        stays.until(f -> "busy".equals(f.path("ref").asString(null)), "busy");
        AgentClient leaves = AgentClient.connect(dead, "leaves", PASSWORD);
        leaves.until("me");
        Customer orphan = new Customer(dead);
        orphan.say("o1", "转人工");
        leaves.until("assigned", orphan.conversation);
        Customer chatting = new Customer(dead);
        chatting.say("c1", "话费怎么查");
        chatting.until(f -> f.path("from").asString("").equals("bot"));
        stays.send(AgentClient.frame("reply", served.conversation).put("id", "r1").put("text", "您好，请讲"));
        served.until(f -> f.path("from").asString("").equals("agent"));
        served.say("s2", "我的宽带坏了");
        stays.until(f -> f.path("type").asString("").equals("message")
                && f.get("message").get("text").asString().equals("我的宽带坏了"), "the customer's words");

        // mid-sentence: messages on their way as the node dies
        served.say("s3", "在吗");
        chatting.say("c2", "流量套餐有哪些");
        doomed.kill();
        stays.abort();
        leaves.abort();

        served.resumeOn(alive);
        chatting.resumeOn(alive);
        orphan.resumeOn(alive);
        AgentClient back = AgentClient.connect(alive, "stays", PASSWORD);
        back.until("me");
        back.send(AgentClient.frame("status", null).put("status", "online").put("ref", "online"));

        // everything that was said is there, once; the resent messages are acknowledged
        served.settle();
        chatting.settle();
        awaitAnswer(jdbc, chatting.conversation, "c2");
        for (Customer customer : List.of(served, chatting)) {
            for (String id : customer.acknowledged) {
                assertEquals(1, jdbc.sql("select count(*) from messages where conversation_id = ? and client_id = ?"
                        + " and sender = 'customer'").params(customer.conversation, id).query(Integer.class).single(),
                        "message " + id + " of " + customer.conversation + " is stored once");
            }
        }

        // the agent who came back still serves their customer, across the surviving node
        back.send(AgentClient.frame("reply", served.conversation).put("id", "r2").put("text", "我在，请稍等"));
        assertEquals("我在，请稍等", served.until(f -> f.path("from").asString("").equals("agent")
                && f.path("text").asString("").equals("我在，请稍等")).get("text").asString());
        served.say("s4", "好的");
        back.until(f -> f.path("type").asString("").equals("message")
                && f.get("message").get("text").asString().equals("好的"), "the customer's words after the fault");

        // the agent who did not come back: their console died with the node; their customer is served by the other
        back.until("assigned", orphan.conversation);
        orphan.until(f -> f.path("kind").asString("").equals("agent_joined"));

        // nothing left of the dead node: no console of it counted, nobody waiting
        String survivorNode = survivor.getBean(NodeId.class).value();
        assertEquals(0, jdbc.sql("select count(*) from console_sockets where node <> ?").param(survivorNode)
                .query(Integer.class).single(), "the dead node's consoles are forgotten");
        assertEquals(0, jdbc.sql("select count(*) from conversations where status = 'open' and handoff = 'waiting'")
                .query(Integer.class).single(), "nobody is left waiting");
        for (Customer customer : List.of(served, chatting, orphan)) customer.socket.close();
        back.close();
    }

    /** The bot answers a message that was on its way as the node died, whichever node stored it. */
    private static void awaitAnswer(JdbcClient jdbc, String conversation, String clientId) throws InterruptedException {
        for (int tries = 0; tries < 100; tries++) {
            int answers = jdbc.sql("select count(*) from messages q join messages a on a.conversation_id = "
                    + "q.conversation_id and a.reply_to = q.seq where q.conversation_id = ? and q.client_id = ? "
                    + "and q.sender = 'customer' and a.sender = 'bot'").params(conversation, clientId)
                    .query(Integer.class).single();
            if (answers > 0) return;
            Thread.sleep(100);
        }
        throw new AssertionError("message " + clientId + " was never answered");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
