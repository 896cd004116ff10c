package io.kefu.server.agent;

import io.kefu.server.chat.ChatClient;
import io.kefu.server.staff.AuditLog;
import io.kefu.server.staff.Role;
import io.kefu.server.agent.HandoffFixture.Customer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static io.kefu.server.agent.HandoffFixture.PASSWORD;
import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static io.kefu.server.agent.AgentClient.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Escalation, the queue, routing and agents' work against the real server on a random port, with real customer and
 * agent sockets (agents sign in through the real form). Every test leaves no conversation open and no agent
 * connected, so the queue starts empty for the next.
 */
@HandoffServer
class HandoffIT {

    static final String PROFILE_KEY = HandoffServer.PROFILE_KEY;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @RegisterExtension
    final HandoffFixture fixture = new HandoffFixture();

    private String newAgent(String displayName, int capacity, Set<Role> roles, Set<String> skills) {
        return fixture.newAgent(displayName, capacity, roles, skills);
    }

    private AgentClient agentOnline(String displayName, int capacity) {
        return fixture.agentOnline(displayName, capacity);
    }

    private AgentClient signIn(String username) {
        return fixture.signIn(username);
    }

    private void setStatus(AgentClient agent, String status) {
        agent.send(frame("status", null).put("status", status));
        agent.until(f -> f.get("type").asString().equals("me") && f.get("status").asString().equals(status), "me " + status);
    }

    private Customer customer() {
        return fixture.customer();
    }

    private Customer customer(String profile) {
        return fixture.customer(profile);
    }

    /** The customer asks for a person and the bot says it is transferring. */
    private static void asksForAHuman(Customer customer, String id) {
        customer.say(id, "转人工");
        customer.message("bot", "handoff");
    }

    private static List<String> queueOrder(JsonNode queue) {
        var ids = new ArrayList<String>();
        for (JsonNode item : queue.get("items")) ids.add(item.get("conversation").asString());
        return ids;
    }

    private static boolean isQueue(JsonNode frame, int size) {
        return frame.get("type").asString().equals("queue") && frame.get("items").size() == size;
    }

    @Test
    void aCustomerAsksForAHumanAndAnAgentTakesOverTheSameConversation() {
        AgentClient wang = agentOnline("小王", 5);
        Customer customer = customer();
        customer.say("q1", "银行卡丢了怎么办");
        JsonNode botAnswer = customer.message("bot", "answer");

        asksForAHuman(customer, "q2");
        JsonNode joined = customer.message("system", "agent_joined");
        assertTrue(joined.get("text").asString().contains("小王"), joined.toString());

        // the agent gets it, with the whole transcript and what the bot matched
        wang.until("assigned", customer.conversation());
        wang.send(frame("open", customer.conversation()));
        JsonNode transcript = wang.until("transcript", customer.conversation());
        JsonNode first = transcript.get("messages").get(0);
        assertEquals("customer", first.get("from").asString());
        assertEquals("银行卡丢了怎么办", first.get("text").asString());
        assertEquals("answer", first.get("decision").get("kind").asString(), first.toString());
        assertNotEquals(null, first.get("decision").get("question"), first.toString());
        assertEquals(botAnswer.get("text").asString(), transcript.get("messages").get(1).get("text").asString());

        // real time, both ways, with typing and agent assist
        wang.send(frame("typing", customer.conversation()).put("on", true));
        JsonNode typing = customer.until(f -> f.get("type").asString().equals("typing")
                && f.get("from").asString().equals("agent"));
        assertTrue(typing.get("on").asBoolean());
        wang.send(frame("reply", customer.conversation()).put("id", "w1").put("text", "您好，我是人工客服小王，请问卡是借记卡吗？"));
        JsonNode reply = customer.message("agent", "text");
        assertEquals("您好，我是人工客服小王，请问卡是借记卡吗？", reply.get("text").asString());
        assertEquals("小王", reply.get("agent").asString());

        customer.say("q3", "是的，信用卡也丢了，怎么挂失");
        JsonNode heard = wang.until(f -> f.get("type").asString().equals("message")
                && f.get("message").get("from").asString().equals("customer"), "the customer's message");
        assertEquals("是的，信用卡也丢了，怎么挂失", heard.get("message").get("text").asString());
        JsonNode suggestions = wang.until("suggestions", customer.conversation());
        assertTrue(suggestions.get("items").size() > 0, suggestions.toString());
        assertFalse(suggestions.get("items").get(0).get("answer").asString().isBlank());
        // the bot stays quiet while the agent serves: the next thing the customer gets is the agent's
        wang.send(frame("reply", customer.conversation()).put("id", "w2").put("text", "好的，我来帮您挂失。"));
        JsonNode next = customer.until(f -> f.get("type").asString().equals("message"));
        assertEquals("agent", next.get("from").asString(), next.toString());

        // hand back: the bot answers again
        wang.send(frame("handback", customer.conversation()));
        customer.message("system", "handback");
        wang.until("released", customer.conversation());
        customer.say("q4", "话费怎么查");
        assertEquals("answer", customer.message("bot", null).get("kind").asString());
    }

    @Test
    void twoMissesAndAComplaintEscalateAndComplaintsAndVipsGoFirst() {
        AgentClient li = agentOnline("小李", 5);
        setStatus(li, "busy");

        Customer missed = customer();
        missed.say("m1", "qwxz plmk vbnr");
        missed.message("bot", "none");
        missed.say("m2", "zzqx wvkp");
        missed.message("bot", "handoff");
        JsonNode queued = missed.message("system", "queued");
        assertTrue(queued.get("text").asString().contains("您是下一位"), queued.toString());
        missed.until(f -> f.get("type").asString().equals("queue") && f.get("position").asInt() == 1);

        Customer asked = customer();
        asksForAHuman(asked, "a1");
        asked.until(f -> f.get("type").asString().equals("queue") && f.get("position").asInt() == 2);

        Customer complaining = customer();
        complaining.say("c1", "我要投诉你们的服务");
        complaining.message("bot", "handoff");
        complaining.until(f -> f.get("type").asString().equals("queue") && f.get("position").asInt() == 1);
        // the others moved down, and were told
        asked.until(f -> f.get("type").asString().equals("queue") && f.get("position").asInt() == 3);
        missed.until(f -> f.get("type").asString().equals("queue") && f.get("position").asInt() == 2);

        Customer vip = customer(signedProfile("{\"vip\":true,\"exp\":4102444800}", PROFILE_KEY));
        Customer fakeVip = customer(signedProfile("{\"vip\":true,\"exp\":4102444800}", "not-the-key"));
        asksForAHuman(vip, "v1");
        asksForAHuman(fakeVip, "f1");

        JsonNode queue = li.until(f -> isQueue(f, 5), "a queue of five");
        assertEquals(List.of(complaining.conversation(), vip.conversation(), missed.conversation(),
                asked.conversation(), fakeVip.conversation()), queueOrder(queue));
        assertEquals("complaint", queue.get("items").get(0).get("priority").asString());
        assertEquals("vip", queue.get("items").get(1).get("priority").asString());
        assertEquals("normal", queue.get("items").get(4).get("priority").asString());

        // while waiting, the bot still answers a clear question
        asked.say("a2", "话费怎么查");
        assertEquals("answer", asked.message("bot", null).get("kind").asString());

        setStatus(li, "online");
        var order = new ArrayList<String>();
        for (int i = 0; i < 5; i++) order.add(li.until("assigned").get("conversation").asString());
        assertEquals(queueOrder(queue), order, "served in queue order");
    }

    @Test
    void capacityHoldsAndClosingAConversationFreesASlot() {
        AgentClient zhao = agentOnline("小赵", 1);
        Customer first = customer();
        asksForAHuman(first, "x1");
        first.message("system", "agent_joined");
        Customer second = customer();
        asksForAHuman(second, "y1");
        second.until(f -> f.get("type").asString().equals("queue") && f.get("position").asInt() == 1);

        // picking from the queue respects capacity too
        zhao.send(frame("pick", second.conversation()).put("ref", "p1"));
        JsonNode full = zhao.error();
        assertEquals("full", full.get("code").asString(), full.toString());

        zhao.send(frame("close", first.conversation()).put("tag", "咨询"));
        first.message("system", "closed");
        JsonNode joined = second.message("system", "agent_joined");
        assertTrue(joined.get("text").asString().contains("小赵"));
        assertEquals("咨询", jdbc.sql("select close_tag from conversations where id = ?").param(first.conversation())
                .query(String.class).single());
        first.socket().send(frame("rate").put("stars", 5).put("comment", "很耐心"));
        assertEquals(5, first.until(f -> f.get("type").asString().equals("rated")).get("stars").asInt());
    }

    @Test
    void aPickedConversationLeavesEveryConsolesQueue() {
        AgentClient picker = agentOnline("小何", 5);
        AgentClient watcher = agentOnline("小吕", 5);
        setStatus(picker, "busy");
        setStatus(watcher, "busy");
        Customer customer = customer();
        asksForAHuman(customer, "k1");
        watcher.until(f -> isQueue(f, 1), "the queue with the customer");
        picker.send(frame("pick", customer.conversation()));
        picker.until("assigned", customer.conversation());
        watcher.until(f -> isQueue(f, 0), "the emptied queue");
        assertTrue(customer.message("system", "agent_joined").get("text").asString().contains("小何"));
    }

    @Test
    void fiftyConcurrentEscalationsNeverGiveAConversationToTwoAgents() throws Exception {
        AgentClient one = agentOnline("一号", 5);
        AgentClient two = agentOnline("二号", 5);
        var waiting = new ArrayList<Customer>();
        for (int i = 0; i < 50; i++) waiting.add(customer());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        var start = new CountDownLatch(1);
        var done = new ArrayList<Future<?>>();
        for (Customer customer : waiting) {
            done.add(pool.submit(() -> {
                start.await();
                customer.say("h", "转人工");
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        var assigned = new ConcurrentLinkedQueue<String>();
        for (AgentClient agent : List.of(one, two)) {
            for (int i = 0; i < 5; i++) assigned.add(agent.until("assigned").get("conversation").asString());
        }
        assertEquals(10, Set.copyOf(assigned).size(), "ten different conversations: " + assigned);
        assertTrue(one.drain(Duration.ofMillis(800)).stream().noneMatch(f -> f.get("type").asString().equals("assigned")),
                "no more than the capacity");
        var ids = waiting.stream().map(Customer::conversation).toList();
        long withAgents = ids.stream().filter(id -> "agent".equals(handoffOf(id))).count();
        long queued = ids.stream().filter(id -> "waiting".equals(handoffOf(id))).count();
        assertEquals(10, withAgents);
        assertEquals(40, queued);
        for (String id : ids) {
            long assignments = jdbc.sql("select count(*) from audit_log where action in ('routing', 'pick') and target = ?")
                    .param(id).query(Long.class).single();
            assertTrue(assignments <= 1, id + " assigned " + assignments + " times");
        }
    }

    @Test
    void aDisconnectedAgentsConversationsGoBackToTheHeadOfTheQueueAndToAnotherAgent() {
        AgentClient gone = agentOnline("小孙", 5);
        AgentClient other = agentOnline("小周", 5);
        setStatus(other, "busy");
        Customer served = customer();
        asksForAHuman(served, "s1");
        assertTrue(served.message("system", "agent_joined").get("text").asString().contains("小孙"));

        setStatus(gone, "busy");
        Customer later = customer();
        asksForAHuman(later, "l1");
        later.message("system", "queued");

        gone.abort();
        JsonNode told = served.message("system", "requeued");
        assertTrue(told.get("text").asString().contains("重新转接"), told.toString());
        JsonNode queue = other.until(f -> isQueue(f, 2), "the queue with the requeued conversation");
        assertEquals(List.of(served.conversation(), later.conversation()), queueOrder(queue), "at the head");
        assertEquals("requeued", queue.get("items").get(0).get("priority").asString());

        setStatus(other, "online");
        assertTrue(served.message("system", "agent_joined").get("text").asString().contains("小周"));
        other.send(frame("open", served.conversation()));
        JsonNode transcript = other.until("transcript", served.conversation());
        assertEquals("转人工", transcript.get("messages").get(0).get("text").asString());
    }

    @Test
    void theConversationsOfAnAgentOnANodeThatDiedGoBackToTheQueue() {
        // an agent whose console is on another node: that node stops saying it is alive (it crashed)
        String stranded = newAgent("小马", 5, Set.of(Role.AGENT), Set.of());
        jdbc.sql("insert into console_sockets (node, username, sockets, seen_at) values ('crashed-node', ?, 1, ?)")
                .params(stranded, java.time.OffsetDateTime.now()).update();
        jdbc.sql("update agent_presence set status = 'online' where username = ?").param(stranded).update();
        Customer customer = customer();
        asksForAHuman(customer, "d1");
        assertTrue(customer.message("system", "agent_joined").get("text").asString().contains("小马"));

        JsonNode told = customer.message("system", "requeued");
        assertTrue(told.get("text").asString().contains("重新转接"), told.toString());
        assertEquals("waiting", handoffOf(customer.conversation()));
        assertEquals(0L, jdbc.sql("select count(*) from console_sockets where node = 'crashed-node'")
                .query(Long.class).single(), "the dead node's counts are forgotten");
    }

    @Test
    void transfersToAnAgentOrASkillGroupKeepTheTranscript() {
        AgentClient first = agentOnline("小吴", 5);
        AgentClient second = agentOnline("小郑", 5);
        setStatus(second, "busy");
        AgentClient banker = signIn(newAgent("理财专员", 5, Set.of(Role.AGENT), Set.of("wealth")));
        setStatus(banker, "busy");
        Customer customer = customer();
        asksForAHuman(customer, "t1");
        first.until("assigned", customer.conversation());
        first.send(frame("reply", customer.conversation()).put("id", "f1").put("text", "我先帮您看一下"));
        customer.message("agent", "text");

        first.send(frame("transfer", customer.conversation()).put("agent", second.username));
        second.until("assigned", customer.conversation());
        first.until("released", customer.conversation());
        assertTrue(customer.message("system", "agent_joined").get("text").asString().contains("小郑"));
        second.send(frame("open", customer.conversation()));
        JsonNode transcript = second.until("transcript", customer.conversation());
        assertTrue(transcript.get("messages").toString().contains("我先帮您看一下"), "the first agent's words are there");
        second.send(frame("note", customer.conversation()).put("text", "客户想咨询理财"));
        second.until("note", customer.conversation());

        second.send(frame("transfer", customer.conversation()).put("group", "wealth"));
        customer.message("system", "transferred");
        second.until("released", customer.conversation());
        setStatus(banker, "online");
        banker.until("assigned", customer.conversation());
        banker.send(frame("open", customer.conversation()));
        JsonNode seen = banker.until("transcript", customer.conversation());
        assertTrue(seen.get("messages").toString().contains("我先帮您看一下"));
        assertEquals("客户想咨询理财", seen.get("notes").get(0).get("text").asString());
        assertFalse(customer.socket().drain(Duration.ofMillis(300)).toString().contains("客户想咨询理财"),
                "notes are never shown to the customer");
    }

    @Test
    void everyRoleIsCheckedOnEveryEndpointAndFrame() {
        // no session: nothing for staff
        StaffLogin anonymous = StaffLogin.anonymous(port);
        assertEquals(401, anonymous.get("/api/staff/me").statusCode());
        assertEquals(401, anonymous.get("/api/admin/staff").statusCode());
        assertEquals(401, AgentClient.refusal(anonymous));

        // the session id changes at sign-in (no session fixation)
        StaffLogin visitor = StaffLogin.anonymous(port);
        assertEquals(302, visitor.page("/agent").statusCode());
        String before = visitor.cookie("JSESSIONID");
        assertTrue(before != null, "a session for the saved request");
        String agentForSession = newAgent("小陈", 5, Set.of(Role.AGENT), Set.of());
        assertTrue(visitor.signIn(agentForSession, PASSWORD).headers().firstValue("Location").orElse("").contains("/agent"));
        assertNotEquals(before, visitor.cookie("JSESSIONID"));
        assertEquals(200, visitor.get("/api/staff/me").statusCode());

        // an editor is staff but not an agent
        String editor = newAgent("编辑", 5, Set.of(Role.EDITOR), Set.of());
        StaffLogin editing = StaffLogin.signedIn(port, editor, PASSWORD);
        assertEquals(200, editing.get("/api/staff/me").statusCode());
        assertEquals(403, editing.get("/api/admin/staff").statusCode());
        assertEquals(403, AgentClient.refusal(editing));

        // an agent cannot manage accounts; an administrator can, but only with the CSRF token
        String agentName = newAgent("小钱", 5, Set.of(Role.AGENT), Set.of());
        StaffLogin agentLogin = StaffLogin.signedIn(port, agentName, PASSWORD);
        String account = "{\"username\":\"new" + NAMES.incrementAndGet() + "\",\"password\":\"long-enough-1\",\"roles\":[\"AGENT\"]}";
        assertEquals(403, agentLogin.postJson("/api/admin/staff", account, true).statusCode());
        String admin = newAgent("管理员", 5, Set.of(Role.ADMIN), Set.of());
        StaffLogin adminLogin = StaffLogin.signedIn(port, admin, PASSWORD);
        assertEquals(403, adminLogin.postJson("/api/admin/staff", account, false).statusCode());
        assertEquals(201, adminLogin.postJson("/api/admin/staff", account, true).statusCode());
        assertEquals(400, adminLogin.postJson("/api/admin/staff", "{\"username\":\"x\"}", true).statusCode());

        // another site's page cannot use an agent's session cookie to open the console socket
        assertEquals(403, AgentClient.refusal(agentLogin, "https://evil.example"));
        assertEquals(-1, AgentClient.refusal(agentLogin, "http://localhost:" + port));
        // the audit log is for administrators
        assertEquals(403, agentLogin.get("/api/admin/audit").statusCode());
        assertTrue(adminLogin.get("/api/admin/audit").body().contains("\"action\":\"sign_in\""));

        // an agent sees only conversations routed to them
        AgentClient qian = fixture.opened(AgentClient.connect(agentLogin, agentName));
        setStatus(qian, "busy");
        AgentClient sun = agentOnline("小孙", 5);
        Customer customer = customer();
        asksForAHuman(customer, "r1");
        sun.until("assigned", customer.conversation());
        customer.message("system", "agent_joined");
        for (String type : List.of("open", "reply", "note", "handback", "close", "takeover", "typing", "suggest")) {
            qian.send(frame(type, customer.conversation()).put("text", "偷看").put("id", type).put("on", true)
                    .put("ref", type));
            JsonNode refused = qian.until(f -> f.get("type").asString().equals("error")
                    && type.equals(f.path("ref").asString(null)), "refusal of " + type);
            assertEquals("forbidden", refused.get("code").asString(), refused.toString());
        }
        qian.send(frame("reassign", customer.conversation()).put("agent", agentName).put("ref", "ra"));
        assertEquals("forbidden", qian.error().get("code").asString());
        assertFalse(qian.drain(Duration.ofMillis(300)).toString().contains("偷看"));

        // a supervisor sees all and can take over; the takeover is audited
        String supervisorName = newAgent("主管", 5, Set.of(Role.SUPERVISOR), Set.of());
        AgentClient supervisor = signIn(supervisorName);
        supervisor.until(f -> f.get("type").asString().equals("live")
                && f.get("items").toString().contains(customer.conversation()), "the live list");
        supervisor.send(frame("open", customer.conversation()));
        supervisor.until("transcript", customer.conversation());
        supervisor.send(frame("takeover", customer.conversation()));
        sun.until("released", customer.conversation());
        assertTrue(customer.message("system", "agent_joined").get("text").asString().contains("主管"));
        assertTrue(audit.latest(200).stream().anyMatch(e -> e.actor().equals(supervisorName)
                && e.action().equals("takeover") && customer.conversation().equals(e.target())));
        supervisor.send(frame("reassign", customer.conversation()).put("agent", agentName));
        qian.until("assigned", customer.conversation());
        supervisor.until("released", customer.conversation());
        assertTrue(customer.message("system", "agent_joined").get("text").asString().contains("小钱"));
        assertTrue(audit.latest(200).stream().anyMatch(e -> e.actor().equals(agentName) && e.action().equals("sign_in")));

        // a customer guessing another conversation's id gets a conversation of their own and nothing of the other
        ChatClient guesser = ChatClient.connect(port);
        guesser.send(frame("hello").put("v", 1).put("conversation", customer.conversation()).put("lastSeq", 0));
        JsonNode welcome = guesser.next("welcome");
        assertNotEquals(customer.conversation(), welcome.get("conversation").asString());
        assertFalse(welcome.get("resumed").asBoolean());
        assertTrue(guesser.drain(Duration.ofMillis(300)).isEmpty(), "no replay of someone else's messages");
        guesser.close();
    }

    @Test
    void badConsoleFramesGetAnErrorAndTheConsoleKeepsWorking() {
        AgentClient agent = agentOnline("小杨", 5);
        for (String bad : List.of("not json", "[1,2]", "{\"type\":42}", "{\"type\":\"dance\"}",
                "{\"type\":\"status\",\"status\":\"asleep\"}", "{\"type\":\"pick\"}",
                "{\"type\":\"reply\",\"conversation\":\"" + "x".repeat(100) + "\",\"text\":\"hi\"}",
                "{\"type\":\"note\",\"conversation\":\"c\",\"text\":\"" + "长".repeat(3_000) + "\"}")) {
            agent.sendRaw(bad);
            JsonNode error = agent.error();
            assertFalse(error.get("message").asString().isBlank(), error.toString());
        }
        agent.send(frame("ping", null).put("ref", "still-there"));
        assertEquals("still-there", agent.until("pong").get("ref").asString());
    }

    @Test
    void signInIsThrottledAfterRepeatedFailures() {
        String name = newAgent("小冯", 5, Set.of(Role.AGENT), Set.of());
        StaffLogin guesser = StaffLogin.anonymous(port);
        for (int i = 0; i < 5; i++) {
            assertTrue(guesser.signIn(name, "wrong-password-" + i).headers().firstValue("Location").orElse("")
                    .endsWith("/login?error"));
        }
        String blocked = guesser.signIn(name, PASSWORD).headers().firstValue("Location").orElse("");
        assertTrue(blocked.endsWith("/login?blocked"), blocked);
        assertTrue(audit.latest(50).stream().anyMatch(e -> e.actor().equals(name) && e.action().equals("sign_in_failed")));
    }

    private String handoffOf(String conversation) {
        return jdbc.sql("select handoff from conversations where id = ?").param(conversation).query(String.class).single();
    }

    /** A visitor profile as the embedding page's server signs it (docs/protocol.md). */
    static String signedProfile(String json, String key) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return payload + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
