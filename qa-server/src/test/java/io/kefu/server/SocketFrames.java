package io.kefu.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test socket's listener: every JSON text frame queued as it arrives, and the close code once closed. */
public final class SocketFrames implements WebSocket.Listener {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    /** The next frame, or null after {@code wait}. */
    public JsonNode poll(Duration wait) {
        try {
            return frames.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every frame that arrives until none has come for {@code quiet}. */
    public List<JsonNode> drain(Duration quiet) {
        var all = new ArrayList<JsonNode>();
        JsonNode frame;
        while ((frame = poll(quiet)) != null) all.add(frame);
        return all;
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }
}
