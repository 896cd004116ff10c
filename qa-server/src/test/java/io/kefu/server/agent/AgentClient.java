package io.kefu.server.agent;

import io.kefu.server.SocketFrames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** An agent console's socket for tests: signed in through the real form, frames queued as they arrive. */
final class AgentClient implements AutoCloseable {

    static final JsonMapper JSON = SocketFrames.JSON;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SocketFrames frames = new SocketFrames();
    private final WebSocket socket;
    final String username;

    private AgentClient(StaffLogin login, String username) {
        this.username = username;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", login.cookieHeader())
                .buildAsync(URI.create("ws://localhost:" + login.port + "/ws/agent"), frames).join();
    }

    static AgentClient connect(int port, String username, String password) {
        return new AgentClient(StaffLogin.signedIn(port, username, password), username);
    }

    static AgentClient connect(StaffLogin login, String username) {
        return new AgentClient(login, username);
    }

    /** The handshake's HTTP status when the server refuses the socket, or -1 when it accepts it. */
    static int refusal(StaffLogin login) {
        return refusal(login, null);
    }

    /** {@link #refusal(StaffLogin)} for a page of another site ({@code origin}) opening the socket. */
    static int refusal(StaffLogin login, String origin) {
        try {
            var builder = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", login.cookieHeader());
            if (origin != null) builder.header("Origin", origin);
            builder
                    .buildAsync(URI.create("ws://localhost:" + login.port + "/ws/agent"), new WebSocket.Listener() {
                    }).join().abort();
            return -1;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) return refused.getResponse().statusCode();
            throw e;
        }
    }

    static ObjectNode frame(String type, String conversation) {
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        if (conversation != null) frame.put("conversation", conversation);
        return frame;
    }

    void send(ObjectNode frame) {
        sendRaw(frame.toString());
    }

    void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The first frame (from now on, in order) that matches; frames before it are dropped. Fails after 10 s. */
    JsonNode until(Predicate<JsonNode> wanted, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        var seen = new ArrayList<String>();
        while (true) {
            JsonNode frame = frames.poll(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (frame == null) fail("no " + what + " within " + WAIT + "; saw " + seen);
            if (wanted.test(frame)) return frame;
            seen.add(frame.toString().length() > 160 ? frame.toString().substring(0, 160) : frame.toString());
        }
    }

    JsonNode until(String type) {
        return until(f -> type.equals(f.get("type").asString()), type);
    }

    /** The next frame of this type about this conversation. */
    JsonNode until(String type, String conversation) {
        return until(f -> type.equals(f.get("type").asString())
                && conversation.equals(f.path("conversation").asString(null)), type + " of " + conversation);
    }

    /** The next error frame, whatever came before it. */
    JsonNode error() {
        return until("error");
    }

    /** Everything that arrives until nothing has come for {@code quiet}. */
    List<JsonNode> drain(Duration quiet) {
        return frames.drain(quiet);
    }

    /** Whether the server has closed the connection. */
    boolean isClosed() {
        return frames.closed().isDone();
    }

    /** Drops the connection without a closing handshake, like a laptop losing its network. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        socket.abort();
    }
}
