package io.kefu.server.chat;

import io.kefu.server.FuzzInput;
import io.kefu.server.FuzzServer;
import io.kefu.server.LogCapture;
import io.kefu.server.conversation.ConversationService;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.system.SafeText;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 generated frames on the customer socket ({@link FuzzInput}, seeded): every one is answered with a frame of
 * the protocol or ignored, never with the server's own failure ({@code internal}) or an ERROR in the log; a
 * bystander keeps being served throughout; and every message the server acknowledged is in the replay afterwards,
 * with the text it was sent with.
 */
@FuzzServer
class ChatFuzzIT {

    private static final int FRAMES = 10_000;
    /** Types as often as clients send them: a close ends the conversation, so it comes seldom. */
    private static final List<String> TYPES = List.of("message", "message", "message", "message", "typing", "typing",
            "hello", "ping", "rate", "message", "typing", "ping", "hello", "message", "rate", "typing", "message",
            "message", "ping", "close");
    private static final List<String> FIELDS = List.of("id", "text", "on", "v", "token", "conversation", "lastSeq",
            "profile", "stars", "comment", "suggestion");

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversations;

    @Autowired
    JdbcClient jdbc;

    private final FuzzInput fuzz = new FuzzInput(FuzzInput.seed());
    /** Every text sent with a message id, cleaned as the server cleans it: the acknowledged one is among them. */
    private final Map<String, Set<String>> sentTexts = new HashMap<>();
    /** Acknowledged messages, by conversation: sequence number and client id. */
    private final Map<String, Map<Long, String>> acknowledged = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> started = new HashSet<>();
    private ChatClient socket;
    private String token;
    private String conversation;
    private long lastSeq;

    @Test
    void tenThousandGeneratedFramesHarmNobodyAndLoseNothingAcknowledged() {
        try (LogCapture log = LogCapture.capture(); ChatClient bystander = ChatClient.started(port)) {
            reconnect();
            for (int i = 1; i <= FRAMES; i++) {
                sendOne();
                if (i % 500 == 0) {
                    collect(socket.drain(Duration.ZERO));
                    stillServed(bystander, "b" + i);
                }
            }
            // everything sent has been handled once a ping sent after it is answered
            awaitPong();
            stillServed(bystander, "after");

            assertEquals(List.of(), failures, "frames the server failed on (seed " + FuzzInput.seed() + ")");
            assertEquals(List.of(), log.warnings().stream().filter(w -> w.contains("FrameWriter")).toList(),
                    "text that was not cleaned reached a socket");
            assertEquals(List.of(), log.failures(), "ERROR or stack traces in the log (seed " + FuzzInput.seed() + ")");
            long count = acknowledged.values().stream().mapToLong(Map::size).sum();
            assertTrue(count > 500, "too few messages were acknowledged to check anything: " + count);
            for (var entry : acknowledged.entrySet()) assertReplayable(entry.getKey(), entry.getValue());
        } finally {
            if (socket != null) socket.close();
            // the shared fuzz server's queue is left empty for the other fuzz tests
            for (String id : started) {
                jdbc.sql("update conversations set status = 'closed', handoff = 'bot' where id = ?").param(id).update();
            }
        }
    }

    private void sendOne() {
        int kind = fuzz.nextInt(100);
        boolean sent;
        if (kind < 45) {
            sent = socket.trySendRaw(fuzz.wire(recordText(fuzzedMessage())));
        } else if (kind < 85) {
            ObjectNode frame = recordText(fuzz.frame(TYPES, FIELDS, this::goodField));
            // a close ends the conversation: the customer comes back to a new one
            sent = socket.trySendRaw(fuzz.wire(frame)) && !frame.path("type").asString("").equals("close");
        } else if (kind < 95) {
            sent = socket.trySendRaw(fuzz.notAnObject());
        } else if (kind < 97) {
            sent = trySendBinary();
        } else if (kind < 99) {
            // over the container's buffer: that connection is closed (1009); the customer comes back
            sent = socket.trySendRaw("{\"type\":\"message\",\"id\":\"big\",\"text\":\"" + "大".repeat(9000) + "\"}");
        } else {
            sent = false;   // the network drops; the customer comes back
        }
        if (!sent || socket.isClosed()) reconnect();
    }

    private ObjectNode fuzzedMessage() {
        ObjectNode frame = message(fuzz.chance(70) ? "m" + fuzz.nextInt(3000) : fuzz.text(), fuzz.text());
        if (fuzz.chance(10)) frame.set("suggestion", fuzz.value());
        return frame;
    }

    private JsonNode goodField(String field) {
        var nodes = JsonNodeFactory.instance;
        return switch (field) {
            case "id" -> nodes.stringNode("g" + fuzz.nextInt(3000));
            case "text", "comment", "suggestion", "profile" -> nodes.stringNode(fuzz.text());
            case "on" -> nodes.booleanNode(fuzz.chance(50));
            case "v" -> nodes.numberNode(1);
            case "token" -> nodes.stringNode(fuzz.chance(50) ? token : fuzz.text());
            case "conversation" -> nodes.stringNode(fuzz.chance(50) ? conversation : fuzz.text());
            case "lastSeq" -> nodes.numberNode(fuzz.nextInt(50));
            case "stars" -> nodes.numberNode(1 + fuzz.nextInt(5));
            default -> null;
        };
    }

    private ObjectNode recordText(ObjectNode frame) {
        JsonNode id = frame.get("id");
        JsonNode text = frame.get("text");
        if (id != null && (id.isString() || id.isIntegralNumber()) && text != null && text.isString()) {
            sentTexts.computeIfAbsent(id.asString(), k -> new HashSet<>()).add(SafeText.clean(text.asString()));
        }
        return frame;
    }

    private boolean trySendBinary() {
        try {
            socket.sendBinary(new byte[]{1, 2, 3});
            return true;
        } catch (RuntimeException closed) {
            return false;
        }
    }

    /** Picks up what the old socket still received, then resumes the conversation on a new one. */
    private void reconnect() {
        if (socket != null) {
            collect(socket.drain(Duration.ofMillis(50)));
            socket.close();
        }
        socket = ChatClient.connect(port);
        ObjectNode hello = frame("hello").put("v", 1);
        if (token != null) hello.put("token", token).put("conversation", conversation).put("lastSeq", lastSeq);
        socket.send(hello);
        JsonNode welcome = socket.next("welcome");
        token = welcome.get("token").asString();
        if (!welcome.get("conversation").asString().equals(conversation)) lastSeq = 0;
        conversation = welcome.get("conversation").asString();
        started.add(conversation);
    }

    private void collect(List<JsonNode> frames) {
        for (JsonNode frame : frames) {
            String type = frame.path("type").asString("");
            if (type.equals("ack") || type.equals("message")) lastSeq = Math.max(lastSeq, frame.path("seq").asLong(0));
            if (type.equals("error") && frame.path("code").asString("").equals("internal")) {
                failures.add(frame.toString());
            } else if (type.equals("ack") && !frame.path("duplicate").asBoolean(false)) {
                acknowledged.computeIfAbsent(conversation, k -> new LinkedHashMap<>())
                        .put(frame.get("seq").asLong(), frame.get("id").asString());
            } else if (type.equals("welcome") && !frame.get("conversation").asString().equals(conversation)) {
                failures.add("a hello on a started connection was welcomed: " + frame);
            }
        }
    }

    private void awaitPong() {
        if (!socket.trySend(frame("ping"))) reconnect();
        socket.send(frame("ping").put("id", "last"));
        while (true) {
            List<JsonNode> frames = new ArrayList<>();
            JsonNode next = socket.next();
            frames.add(next);
            collect(frames);
            if (next.path("type").asString("").equals("pong")) {
                collect(socket.drain(Duration.ofMillis(200)));
                return;
            }
        }
    }

    /** The bystander's question is acknowledged and answered, as if nothing else were happening. */
    private static void stillServed(ChatClient bystander, String id) {
        bystander.send(message(id, "话费怎么查"));
        assertEquals(id, bystander.next("ack").get("id").asString());
        JsonNode answer = bystander.next("message");
        assertEquals("bot", answer.get("from").asString(), answer.toString());
    }

    private void assertReplayable(String conversationId, Map<Long, String> acks) {
        Map<Long, StoredMessage> replayed = new HashMap<>();
        for (StoredMessage message : conversations.replay(conversationId, 0)) replayed.put(message.seq(), message);
        for (var ack : acks.entrySet()) {
            StoredMessage stored = replayed.get(ack.getKey());
            assertTrue(stored != null, "acknowledged #" + ack.getKey() + " is not in the replay of " + conversationId);
            assertEquals(ack.getValue(), stored.clientId());
            assertTrue(sentTexts.getOrDefault(ack.getValue(), Set.of()).contains(stored.text()),
                    "#" + ack.getKey() + " was stored as " + stored.text() + ", not as sent");
        }
        if (conversationId.equals(conversation)) {
            // and over the socket, as a returning customer gets it: every message, none missing in between
            try (ChatClient again = ChatClient.connect(port)) {
                again.send(frame("hello").put("v", 1).put("token", token).put("conversation", conversation)
                        .put("lastSeq", 0));
                again.next("welcome");
                Set<Long> seen = new HashSet<>();
                for (JsonNode frame : again.drain(Duration.ofMillis(500))) {
                    if (frame.path("type").asString("").equals("message")) seen.add(frame.get("seq").asLong());
                }
                assertEquals(replayed.keySet(), seen, "the socket's replay of " + conversationId);
            }
        }
    }
}
