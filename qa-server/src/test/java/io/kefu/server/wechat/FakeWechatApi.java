package io.kefu.server.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * WeChat's API host for tests (the server's {@code kefu.wechat.mp.api-host}): hands out access tokens
 * ({@code /cgi-bin/token}, {@code /cgi-bin/stable_token}), takes customer-service messages
 * ({@code /cgi-bin/message/custom/send}) and records them, and fails on demand: the next sends with WeChat's error
 * codes (45015, 45047...), every token issued so far revoked (40001 until a new one is fetched). It counts token
 * fetches and the most that ever ran at once: each takes {@link #tokenDelay} so that overlapping ones would show.
 */
public final class FakeWechatApi implements AutoCloseable {

    /** A customer-service message as WeChat received it. */
    public record Sent(String toUser, String text, String accessToken) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String appId;
    private final String secret;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Integer> sendFailures = new ConcurrentLinkedQueue<>();
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger fetching = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger rejectedSends = new AtomicInteger();
    private volatile String current;
    private volatile Duration tokenDelay = Duration.ofMillis(200);

    public FakeWechatApi(String appId, String secret) {
        this.appId = appId;
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/stable_token", this::token);
        server.createContext("/cgi-bin/message/custom/send", this::send);
        server.start();
    }

    /** The base URL to configure as WeChat's API host. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next sends fail with these WeChat error codes, one each. */
    public void failNextSends(Integer... codes) {
        sendFailures.addAll(List.of(codes));
    }

    /** Every token handed out so far is refused from now on (40001), as after a token was fetched elsewhere. */
    public void revokeTokens() {
        validTokens.clear();
    }

    public void tokenDelay(Duration delay) {
        this.tokenDelay = delay;
    }

    public int tokenFetches() {
        return fetches.get();
    }

    public int mostFetchesAtOnce() {
        return mostAtOnce.get();
    }

    /** Sends refused because of a revoked or unknown token. */
    public int rejectedSends() {
        return rejectedSends.get();
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public List<Sent> sentTo(String openId) {
        return sent().stream().filter(s -> s.toUser().equals(openId)).toList();
    }

    /** Waits up to {@code timeout} for a message to {@code openId} that {@code wanted} accepts. */
    public Sent awaitSent(String openId, Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Sent s : sentTo(openId)) {
                if (wanted.test(s.text())) return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing sent to " + openId + " within " + timeout + "; sent: " + sentTo(openId));
    }

    private void token(HttpExchange exchange) throws IOException {
        int now = fetching.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            Map<String, String> request = exchange.getRequestMethod().equals("POST") ? body(exchange)
                    : query(exchange.getRequestURI());
            if (!appId.equals(request.get("appid")) || !secret.equals(request.get("secret"))) {
                reply(exchange, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
                return;
            }
            Thread.sleep(tokenDelay.toMillis());
            boolean force = "true".equals(request.get("force_refresh"));
            if (current == null || force || !validTokens.contains(current)) {
                current = "TOKEN-" + fetches.incrementAndGet();
                validTokens.add(current);
            } else {
                fetches.incrementAndGet();
            }
            reply(exchange, "{\"access_token\":\"" + current + "\",\"expires_in\":7200}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fetching.decrementAndGet();
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        String token = query(exchange.getRequestURI()).get("access_token");
        JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (token == null || !validTokens.contains(token)) {
            rejectedSends.incrementAndGet();
            reply(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid\"}");
            return;
        }
        Integer failure = sendFailures.poll();
        if (failure != null) {
            reply(exchange, "{\"errcode\":" + failure + ",\"errmsg\":\"simulated failure\"}");
            return;
        }
        synchronized (sent) {
            sent.add(new Sent(message.path("touser").asString(), message.path("text").path("content").asString(),
                    token));
        }
        reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private static Map<String, String> body(HttpExchange exchange) throws IOException {
        JsonNode node = JSON.readTree(exchange.getRequestBody().readAllBytes());
        var fields = new ConcurrentHashMap<String, String>();
        for (String name : List.of("appid", "secret", "force_refresh", "grant_type")) {
            if (node.has(name)) fields.put(name, node.get(name).asString());
        }
        return fields;
    }

    private static Map<String, String> query(URI uri) {
        var fields = new ConcurrentHashMap<String, String>();
        if (uri.getRawQuery() == null) return fields;
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
