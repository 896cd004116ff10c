package io.kefu.server.chat;

import io.kefu.server.MalformedOrigins;
import io.kefu.server.conversation.MessageStore;
import io.kefu.server.conversation.Sender;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed JSON, oversize frames, unknown types, invalid UTF-8 and a flood: each gets a clear error (or, past what
 * the protocol can answer, closes that one connection), and the server keeps serving the other customers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ChatBadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    @Test
    void badInputGetsErrorsAndTheServerKeepsServingOthers() throws Exception {
        try (ChatClient bystander = ChatClient.started(port); ChatClient bad = ChatClient.connect(port)) {
            // before hello
            bad.send(message("m0", "你好"));
            bad.error("no_conversation");
            // malformed JSON, not an object, too deep
            bad.sendRaw("{\"type\":\"message\",");
            bad.error("bad_json");
            bad.sendRaw("[1,2,3]");
            bad.error("bad_json");
            bad.sendRaw("[".repeat(2000) + "]".repeat(2000));
            bad.error("bad_json");
            // unknown and missing types, wrong field types
            bad.sendRaw("{\"type\":\"<script>alert(1)</script>\"}");
            assertTrue(bad.error("unknown_type").get("message").asString().contains("不支持"));
            bad.sendRaw("{\"text\":\"没有类型\"}");
            bad.error("bad_frame");
            bad.sendRaw("{\"type\":\"hello\",\"lastSeq\":\"abc\"}");
            bad.error("bad_frame");
            bad.sendRaw("{\"type\":\"hello\",\"v\":99}");
            bad.error("unsupported_version");
            // numbers beyond int were read with asInt(), which throws: an internal error instead of the answer
            bad.sendRaw("{\"type\":\"hello\",\"v\":4294967297}");
            bad.error("unsupported_version");
            // binary frames
            bad.sendBinary(new byte[] {1, 2, 3});
            bad.error("unsupported");

            bad.send(frame("hello").put("v", 1));
            String conversation = bad.next("welcome").get("conversation").asString();
            bad.send(frame("hello").put("v", 1));
            bad.error("already_started");
            // message limits: an id, some text, not too long; a frame over the size limit
            bad.send(frame("message").put("text", "没有编号"));
            bad.error("bad_frame");
            bad.send(message("m1", "   "));
            assertEquals("m1", bad.error("empty_message").get("id").asString());
            bad.send(message("m2", "话".repeat(501)));
            JsonNode tooLong = bad.error("too_long");
            assertEquals("m2", tooLong.get("id").asString());
            assertTrue(tooLong.get("message").asString().contains("500"), tooLong.toString());
            bad.send(message("m3", "x".repeat(5000)));
            bad.error("too_large");
            bad.send(frame("rate").put("stars", 9));
            bad.error("bad_rating");
            bad.sendRaw("{\"type\":\"rate\",\"stars\":99999999999999999999}");
            bad.error("bad_rating");
            // a NUL and a lone surrogate are dropped, the rest is answered
            bad.sendRaw("{\"type\":\"message\",\"id\":\"m4\",\"text\":\"银行卡\\u0000丢了怎么办\\ud800\"}");
            assertEquals(1, bad.next("ack").get("seq").asLong());
            assertEquals("bot", bad.next("message").get("from").asString());
            assertEquals("银行卡丢了怎么办", store.byClientId(conversation, Sender.CUSTOMER, "m4").orElseThrow().text());
            // still the same connection, still serving
            bad.send(frame("ping"));
            bad.next("pong");

            // far past the frame limit: the container closes that connection (1009, message too big)
            try (RawSocket huge = new RawSocket(port)) {
                String tooBig = "{\"type\":\"message\",\"id\":\"h\",\"text\":\"" + "话".repeat(100_000) + "\"}";
                huge.sendTextUntilRefused(tooBig.getBytes(StandardCharsets.UTF_8));
                assertEquals(1009, huge.awaitCloseCode());
            }
            // a text frame that is not UTF-8: that connection is failed with 1007, as RFC 6455 requires
            try (RawSocket raw = new RawSocket(port)) {
                raw.sendText(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
                assertEquals(1007, raw.awaitCloseCode());
            }
            // a flood: the burst is served, then rate_limited errors, then the flooding connection is closed
            try (ChatClient flood = ChatClient.started(port)) {
                for (int i = 0; i < 400 && !flood.isClosed(); i++) {
                    if (!flood.trySend(frame("ping"))) break;
                }
                List<JsonNode> got = flood.drain(Duration.ofMillis(500));
                long pongs = got.stream().filter(f -> f.get("type").asString().equals("pong")).count();
                long limited = got.stream().filter(f -> f.path("code").asString("").equals("rate_limited")).count();
                assertTrue(pongs >= 15 && pongs < 40, "the burst, and no more: " + pongs);
                assertTrue(limited >= 50, "rate_limited errors: " + limited);
                assertEquals(1008, flood.closeCode());
            }

            // the bystander never noticed, the bad client's conversation still works, and new customers get in
            bystander.send(message("b1", "银行卡丢了怎么办"));
            assertEquals(1, bystander.next("ack").get("seq").asLong());
            assertEquals("answer", bystander.next("message").get("kind").asString());
            bad.send(message("m5", "挂失后怎么补办新卡"));
            assertEquals(3, bad.next("ack").get("seq").asLong());
            assertEquals("answer", bad.next("message").get("kind").asString());
            try (ChatClient newcomer = ChatClient.started(port)) {
                newcomer.send(frame("ping"));
                assertFalse(newcomer.next("pong").isNull());
            }
        }
    }

    @Test
    void typingIsOnlyTrueOrFalse() {
        try (ChatClient customer = ChatClient.started(port)) {
            customer.sendRaw("{\"type\":\"typing\",\"on\":{\"x\":1}}");
            customer.error("bad_frame");
            customer.sendRaw("{\"type\":\"typing\",\"on\":\"true\"}");
            customer.error("bad_frame");
            customer.sendRaw("{\"type\":\"typing\",\"on\":false}");
            customer.send(frame("ping"));
            customer.next("pong");
        }
    }

    /**
     * A flood paced so that the bucket lets a frame through now and then (~370 frames a second, where 5 are
     * allowed): it is still a flood, and closed.
     */
    @Test
    void aPacedFloodIsClosedToo() throws Exception {
        byte[] ping = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        long interval = TimeUnit.SECONDS.toNanos(1) / 370;
        try (RawSocket flood = new RawSocket(port)) {
            long next = System.nanoTime();
            for (int i = 0; i < 370 * 3 && flood.sendTextUntilRefused(ping); i++) {
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
            assertEquals(1008, flood.awaitCloseCode());
        }
    }

    @Test
    void aMalformedOriginIsRefusedWithOneWarning(CapturedOutput log) {
        MalformedOrigins.assertRefused(log, origin -> ChatClient.refusal(port, origin));
        assertEquals(-1, ChatClient.refusal(port, "https://shop.example"), "any page may embed the widget");
    }
}
