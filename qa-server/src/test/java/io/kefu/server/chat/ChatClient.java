package io.kefu.server.chat;

import io.kefu.server.SocketFrames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** A customer's socket for tests: the JDK's WebSocket client, frames queued as they arrive. */
public final class ChatClient implements AutoCloseable {

    public static final JsonMapper JSON = SocketFrames.JSON;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SocketFrames frames = new SocketFrames();
    private final WebSocket socket;

    private ChatClient(int port) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/chat"), frames).join();
    }

    public static ChatClient connect(int port) {
        return new ChatClient(port);
    }

    /** Says hello as a new visitor and returns the welcome. */
    public static ChatClient started(int port) {
        ChatClient client = connect(port);
        client.send(frame("hello").put("v", 1));
        client.next("welcome");
        return client;
    }

    /** The handshake's HTTP status when the server refuses a socket opened by a page of {@code origin}, else -1. */
    public static int refusal(int port, String origin) {
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws/chat"), new WebSocket.Listener() {
                    }).join().abort();
            return -1;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) return refused.getResponse().statusCode();
            throw e;
        }
    }

    public static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public static ObjectNode message(String id, String text) {
        return frame("message").put("id", id).put("text", text);
    }

    public void send(ObjectNode frame) {
        sendRaw(frame.toString());
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Sends unless the connection is already closing; false once the server has closed it. For floods, where the
     * server may close the connection between two sends.
     */
    public boolean trySend(ObjectNode frame) {
        return trySendRaw(frame.toString());
    }

    /** {@link #trySend} for a raw text frame. */
    public boolean trySendRaw(String text) {
        try {
            sendRaw(text);
            return true;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.io.IOException) return false;
            throw e;
        }
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next frame; fails after ten seconds. */
    public JsonNode next() {
        JsonNode frame = frames.poll(WAIT);
        if (frame == null) {
            fail("no frame within " + WAIT + (frames.closed().isDone() ? "; closed " + frames.closed().join() : ""));
        }
        return frame;
    }

    /** The next frame, which must be of this type; typing indicators on the way are skipped. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        while (frame.get("type").asString().equals("typing") && !type.equals("typing")) frame = next();
        assertEquals(type, frame.get("type").asString(), frame.toString());
        return frame;
    }

    /** The next error frame, which must have this code. */
    public JsonNode error(String code) {
        JsonNode error = next("error");
        assertEquals(code, error.get("code").asString(), error.toString());
        assertNotNull(error.get("message").asString());
        return error;
    }

    /** Every frame that arrives until none has come for {@code quiet}. */
    public List<JsonNode> drain(Duration quiet) {
        return frames.drain(quiet);
    }

    /** The close code the server sent, waiting for it. */
    public int closeCode() {
        return frames.closed().orTimeout(10, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return frames.closed().isDone();
    }

    /** Drops the connection without a closing handshake, like a phone losing its network. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        socket.abort();
    }
}
