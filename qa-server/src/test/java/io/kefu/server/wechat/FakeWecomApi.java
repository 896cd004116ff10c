package io.kefu.server.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * WeCom's API for the customer-service tests ({@code kefu.wechat.kf.api-url}): tokens ({@code gettoken}), the
 * messages WeChat users wrote, handed out by {@code sync_msg} one per page (so that {@code has_more} is followed),
 * and what the server sent ({@code send_msg}, {@code send_msg_on_event}) and which session states it set
 * ({@code service_state/trans}), recorded.
 */
public final class FakeWecomApi implements AutoCloseable {

    public record Sent(String toUser, String account, String text) {
    }

    public record StateChange(String account, String user, int state) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String corpId;
    private final String secret;
    private final List<ObjectNode> messages = new ArrayList<>();
    private final List<String> cursorsAsked = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Sent> welcomes = new ArrayList<>();
    private final List<StateChange> states = new ArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    public FakeWecomApi(String corpId, String secret) {
        this.corpId = corpId;
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/cgi-bin/gettoken", this::token);
        server.createContext("/cgi-bin/kf/sync_msg", this::sync);
        server.createContext("/cgi-bin/kf/send_msg_on_event", this::welcome);
        server.createContext("/cgi-bin/kf/send_msg", this::send);
        server.createContext("/cgi-bin/kf/service_state/trans", this::trans);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A WeChat user writes to the account. */
    public synchronized void userWrites(String account, String user, String text) {
        ObjectNode m = message(account, user, 3, "text");
        m.putObject("text").put("content", text);
    }

    /** A WeChat user opens the account's chat (from a link or QR code with {@code sceneParam}). */
    public synchronized void userEnters(String account, String user, String sceneParam, String welcomeCode) {
        ObjectNode m = message(account, user, 4, "event");
        m.putObject("event").put("event_type", "enter_session").put("open_kfid", account)
                .put("external_userid", user).put("scene", "1").put("scene_param", sceneParam)
                .put("welcome_code", welcomeCode);
    }

    private ObjectNode message(String account, String user, int origin, String type) {
        ObjectNode m = JSON.createObjectNode().put("msgid", "msg-" + (messages.size() + 1)).put("open_kfid", account)
                .put("external_userid", user).put("send_time", System.currentTimeMillis() / 1000)
                .put("origin", origin).put("msgtype", type);
        messages.add(m);
        return m;
    }

    public synchronized List<String> cursorsAsked() {
        return List.copyOf(cursorsAsked);
    }

    public synchronized List<Sent> sentTo(String user) {
        return sent.stream().filter(s -> s.toUser().equals(user)).toList();
    }

    public synchronized List<Sent> welcomes() {
        return List.copyOf(welcomes);
    }

    public synchronized List<StateChange> states() {
        return List.copyOf(states);
    }

    public int tokenFetches() {
        return tokens.get();
    }

    public Sent awaitSent(String user, Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Sent s : sentTo(user)) if (wanted.test(s.text())) return s;
            Thread.sleep(20);
        }
        throw new AssertionError("nothing sent to " + user + " within " + timeout + "; sent: " + sentTo(user));
    }

    private void token(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if (!query.contains("corpid=" + corpId) || !query.contains("corpsecret=" + secret)) {
            reply(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            return;
        }
        reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"KF-TOKEN-" + tokens.incrementAndGet()
                + "\",\"expires_in\":7200}");
    }

    private void sync(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String cursor = request.path("cursor").asString("");
        String account = request.path("open_kfid").asString("");
        ObjectNode page = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        synchronized (this) {
            cursorsAsked.add(cursor);
            int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor.substring(1));
            ArrayNode list = page.putArray("msg_list");
            int next = from;
            while (next < messages.size()) { // one per page
                ObjectNode m = messages.get(next++);
                if (m.path("open_kfid").asString().equals(account)) {
                    list.add(m);
                    break;
                }
            }
            page.put("next_cursor", "c" + next).put("has_more", next < messages.size() ? 1 : 0);
        }
        reply(exchange, page.toString());
    }

    private void send(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        synchronized (this) {
            sent.add(new Sent(request.path("touser").asString(), request.path("open_kfid").asString(),
                    request.path("text").path("content").asString()));
        }
        reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"sent-" + sent.size() + "\"}");
    }

    private void welcome(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        synchronized (this) {
            welcomes.add(new Sent(request.path("code").asString(), "", request.path("text").path("content").asString()));
        }
        reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"welcome\"}");
    }

    private void trans(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        synchronized (this) {
            states.add(new StateChange(request.path("open_kfid").asString(), request.path("external_userid").asString(),
                    request.path("service_state").asInt()));
        }
        reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
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
