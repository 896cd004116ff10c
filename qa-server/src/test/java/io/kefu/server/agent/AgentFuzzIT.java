package io.kefu.server.agent;

import io.kefu.server.FuzzInput;
import io.kefu.server.FuzzServer;
import io.kefu.server.LogCapture;
import io.kefu.server.chat.ChatClient;
import io.kefu.server.conversation.ConversationService;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import io.kefu.server.system.SafeText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 generated frames on an agent's console socket ({@link FuzzInput}, seeded): each is answered with a frame
 * of the protocol, never with {@code internal} or an ERROR in the log; another agent and their customer keep
 * talking throughout; every reply the server confirmed ({@code sent}) is in its conversation afterwards, once.
 */
@FuzzServer
class AgentFuzzIT {

    private static final int FRAMES = 10_000;
    private static final String PASSWORD = "agent-pass-1";
    private static final List<String> TYPES = List.of("ping", "status", "pick", "open", "reply", "typing", "note",
            "suggest", "transfer", "handback", "close", "takeover", "reassign");
    private static final List<String> FIELDS = List.of("conversation", "id", "text", "on", "status", "group", "agent",
            "tag");

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    ConversationService conversations;

    @Autowired
    JdbcClient jdbc;

    private final FuzzInput fuzz = new FuzzInput(FuzzInput.seed() + 1);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    /** Replies sent, by ref: conversation, id and text. */
    private final Map<String, Reply> replies = new HashMap<>();
    private final List<Reply> confirmed = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** Why replies were refused, for the message when too few got through. */
    private final Map<String, Integer> refusals = new java.util.TreeMap<>();
    private AgentClient agent;
    private String me;
    private String other;
    private String mine;
    private boolean released;

    record Reply(String conversation, String id, String text) {
    }

    @Test
    void tenThousandGeneratedFramesHarmNobodyAndEveryConfirmedReplyIsKept() {
        me = newAgent("小甲");
        other = newAgent("小乙");
        try (LogCapture log = LogCapture.capture()) {
            agent = signIn(me);
            mine = assignedConversation();
            AgentClient bystander = signIn(other);
            ChatClient bystanderCustomer = customer();
            String theirs = escalate(bystanderCustomer);
            bystander.until("assigned", theirs);
            // busy: new conversations go to the fuzzed agent only
            bystander.send(AgentClient.frame("status", null).put("status", "busy").put("ref", "busy"));
            bystander.until(f -> "busy".equals(f.path("ref").asString(null)), "busy");

            for (int i = 1; i <= FRAMES; i++) {
                send(nextFrame("r" + i));
                if (i % 25 == 0) sync("s" + i);
                if (i % 500 == 0) {
                    stillTalking(bystander, bystanderCustomer, theirs, "b" + i);
                }
                if (released) {
                    collect(agent.drain(Duration.ofMillis(100)));
                    send(AgentClient.frame("status", null).put("status", "online").toString());
                    mine = assignedConversation();
                }
            }
            sync("last");
            collect(agent.drain(Duration.ofMillis(200)));
            stillTalking(bystander, bystanderCustomer, theirs, "after");

            assertEquals(List.of(), failures, "frames the server failed on (seed " + (FuzzInput.seed() + 1) + ")");
            assertEquals(List.of(), log.warnings().stream().filter(w -> w.contains("FrameWriter")).toList(),
                    "text that was not cleaned reached a socket");
            assertEquals(List.of(), log.failures(), "ERROR or stack traces in the log");
            assertTrue(confirmed.size() > 500, "too few replies were confirmed to check anything: " + confirmed.size() + "; refused: " + refusals);
            assertKept();
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable socket : opened) socket.close();
        for (String conversation : started) {
            jdbc.sql("update conversations set status = 'closed', handoff = 'bot' where id = ?").param(conversation)
                    .update();
        }
    }

    private String nextFrame(String ref) {
        int kind = fuzz.nextInt(100);
        if (kind < 40) {
            String id = fuzz.chance(80) ? "a" + fuzz.nextInt(2000) : fuzz.text();
            String text = fuzz.chance(80) ? "您好，" + fuzz.text() : fuzz.text();
            replies.put(ref, new Reply(mine, id, text));
            return fuzz.wire(AgentClient.frame("reply", mine).put("ref", ref).put("id", id).put("text", text));
        }
        if (kind < 90) {
            ObjectNode frame = fuzz.frame(TYPES, FIELDS, this::goodField);
            if (fuzz.chance(90)) frame.put("ref", ref); else frame.set("ref", fuzz.value());
            if (frame.path("type").asString("").equals("reply") && frame.path("ref").isString()
                    && frame.path("id").isString() && frame.path("text").isString()) {
                replies.put(ref, new Reply(frame.path("conversation").asString(null), frame.get("id").asString(),
                        frame.get("text").asString()));
            }
            return fuzz.wire(frame);
        }
        return fuzz.notAnObject();
    }

    private JsonNode goodField(String field) {
        var nodes = JsonNodeFactory.instance;
        return switch (field) {
            case "conversation" -> nodes.stringNode(fuzz.chance(60) ? mine : fuzz.chance(50) ? fuzz.text()
                    : UUID.randomUUID().toString());
            case "id" -> nodes.stringNode("a" + fuzz.nextInt(2000));
            case "text", "tag", "group" -> nodes.stringNode(fuzz.text());
            case "on" -> nodes.booleanNode(fuzz.chance(50));
            case "status" -> nodes.stringNode(fuzz.pick(List.of("online", "busy", "away", "offline", "ONLINE")));
            case "agent" -> nodes.stringNode(fuzz.chance(50) ? other : fuzz.text());
            default -> null;
        };
    }

    /**
     * Waits until the server has answered everything sent so far (a ping's pong), taking in what came before it: the
     * server works through one console's frames in order, and so never falls more than a few frames behind.
     */
    private void sync(String ref) {
        send(AgentClient.frame("ping", null).put("ref", ref).toString());
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode frame : agent.drain(Duration.ofMillis(20))) {
                if (ref.equals(frame.path("ref").asString(null))) return;
                collect(List.of(frame));
            }
            if (agent.isClosed()) {   // closed for a frame past its buffer before it got to the ping
                agent = signIn(me);
                send(AgentClient.frame("ping", null).put("ref", ref).toString());
            }
        }
        throw new AssertionError("no pong " + ref + " within 20 s");
    }

    /** Sends on the console, signing in again first if the server closed it (a frame past its buffer: 1009). */
    private void send(String frame) {
        try {
            agent.sendRaw(frame);
        } catch (java.util.concurrent.CompletionException closed) {
            collect(agent.drain(Duration.ofMillis(50)));
            agent = signIn(me);
            agent.sendRaw(frame);
        }
    }

    private void collect(List<JsonNode> frames) {
        for (JsonNode frame : frames) {
            String type = frame.path("type").asString("");
            String ref = frame.path("ref").asString(null);
            if (type.equals("error") && frame.path("code").asString("").equals("internal")) {
                failures.add(frame + " for " + replies.get(ref));
            } else if (type.equals("error") && ref != null && replies.containsKey(ref)) {
                refusals.merge(frame.path("code").asString(""), 1, Integer::sum);
            } else if (type.equals("sent") && ref != null && replies.containsKey(ref)) {
                confirmed.add(replies.get(ref));
            } else if (type.equals("released") && mine.equals(frame.path("conversation").asString(null))) {
                released = true;
            }
        }
    }

    /** Every confirmed reply is stored once in its conversation, with its text as cleaned on the way in. */
    private void assertKept() {
        Map<String, Map<String, StoredMessage>> byConversation = new HashMap<>();
        Map<String, Set<String>> texts = new HashMap<>();
        for (Reply reply : confirmed) {
            texts.computeIfAbsent(reply.conversation() + "/" + reply.id(), k -> new HashSet<>())
                    .add(SafeText.clean(reply.text()).strip());
        }
        for (Reply reply : confirmed) {
            Map<String, StoredMessage> stored = byConversation.computeIfAbsent(reply.conversation(), id -> {
                Map<String, StoredMessage> agentMessages = new HashMap<>();
                for (StoredMessage message : conversations.replay(id, 0)) {
                    if (message.clientId() != null && message.sender().wireName().equals("agent")) {
                        StoredMessage twice = agentMessages.put(message.clientId(), message);
                        assertTrue(twice == null, "reply " + message.clientId() + " stored twice in " + id);
                    }
                }
                return agentMessages;
            });
            StoredMessage kept = stored.get(reply.id());
            assertTrue(kept != null, "confirmed reply " + reply + " is not in its conversation");
            assertTrue(texts.get(reply.conversation() + "/" + reply.id()).contains(kept.text()),
                    "reply " + reply.id() + " kept as " + kept.text());
        }
    }

    private void stillTalking(AgentClient bystander, ChatClient customer, String conversation, String id) {
        bystander.send(AgentClient.frame("reply", conversation).put("ref", id).put("id", id).put("text", "还在吗？" + id));
        bystander.until(f -> id.equals(f.path("ref").asString(null)) && f.get("type").asString().equals("sent"),
                "sent " + id);
        JsonNode heard;
        do {
            heard = customer.next();
        } while (!(heard.path("type").asString("").equals("message") && heard.path("from").asString("").equals("agent")));
        assertEquals("还在吗？" + id, heard.get("text").asString());
    }

    private String newAgent(String displayName) {
        String username = "fuzz" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new StaffService.NewStaff(username, displayName, PASSWORD, Set.of(Role.AGENT), 50, Set.of()),
                "test");
        return username;
    }

    private AgentClient signIn(String username) {
        AgentClient agent = AgentClient.connect(port, username, PASSWORD);
        opened.add(agent);
        agent.until("me");
        return agent;
    }

    private ChatClient customer() {
        ChatClient customer = ChatClient.connect(port);
        opened.add(customer);
        return customer;
    }

    private String escalate(ChatClient customer) {
        customer.send(frame("hello").put("v", 1));
        String conversation = customer.next("welcome").get("conversation").asString();
        started.add(conversation);
        customer.send(message("h1", "转人工"));
        return conversation;
    }

    /** A new customer who asks for a person and is given to this agent. */
    private String assignedConversation() {
        String conversation = escalate(customer());
        List<JsonNode> passed = new ArrayList<>();
        agent.until(f -> {
            boolean assigned = f.path("type").asString("").equals("assigned")
                    && conversation.equals(f.path("conversation").asString(null));
            if (!assigned) passed.add(f);
            return assigned;
        }, "assigned " + conversation);
        if (mine != null) collect(passed);   // what came about the old one
        released = false;
        return conversation;
    }
}
