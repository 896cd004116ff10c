package io.kefu.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Official Account load benchmark (docs/wechat.md, docs/benchmarks.md): followers' text messages at a rate,
 * signed as WeChat signs them, to a server's {@code /wechat/mp}, with WeChat's API host faked here (tokens, and the
 * customer-service messages of replies that missed the passive budget, counted). It measures the passive reply's
 * round trip (p50/p99/max), sends a share of the messages again with the same MsgId (WeChat's retry) and checks they
 * get the first answer back and nothing more, and counts what was lost: a message answered neither in its response
 * nor through the API.
 * <pre>
 * java -cp chat-load/target/chat-load.jar io.kefu.load.WechatLoad --url http://127.0.0.1:PORT/wechat/mp
 *      --token TOKEN --api-port PORT --rate 1000 --seconds 60 --ramp 90 --followers 1000 --retries 0.05
 * </pre>
 */
public final class WechatLoad {

    private static final List<String> QUESTIONS = List.of("话费余额怎么查", "流量套餐有哪些", "银行卡丢了怎么办",
            "怎么退订彩铃", "宽带怎么报修", "信用卡额度怎么提升");
    private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final String token;
    private final Map<String, LongAdder> sentByApi = new ConcurrentHashMap<>();
    private final LongAdder apiSends = new LongAdder();
    private final LongAdder passive = new LongAdder();
    private final LongAdder successOnly = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder retriesSame = new LongAdder();
    private final LongAdder retriesDifferent = new LongAdder();
    private final LongAdder retryErrors = new LongAdder();
    private final AtomicLong messageIds = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Histogram latency = new Histogram(60_000_000_000L, 3);

    private WechatLoad(URI url, String token) {
        this.url = url;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:18182/wechat/mp"));
        if (!url.getHost().equals("localhost") && !url.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("load goes to this machine only (loopback), not " + url.getHost());
        }
        var load = new WechatLoad(url, options.getOrDefault("token", "load-token"));
        HttpServer api = load.fakeApi(Integer.parseInt(options.getOrDefault("api-port", "18183")));
        try {
            load.run(Integer.parseInt(options.getOrDefault("rate", "1000")),
                    Math.min(600, Integer.parseInt(options.getOrDefault("seconds", "60"))),
                    Math.min(300, Integer.parseInt(options.getOrDefault("ramp", "90"))),
                    Integer.parseInt(options.getOrDefault("followers", "1000")),
                    Double.parseDouble(options.getOrDefault("retries", "0.05")));
        } finally {
            api.stop(0);
            System.exit(0);
        }
    }

    /** The rate rises from a tenth to the full rate over {@code ramp} s (the slow start), then is held. */
    private void run(int rate, int seconds, int ramp, int followers, double retryShare) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(ramp).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        var inFlight = new java.util.concurrent.atomic.AtomicInteger();
        long sent = 0;
        long measuredSent = 0;
        double due = 0;
        long last = start;
        long random = 42;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            double fraction = now < measureFrom ? 0.1 + 0.9 * (now - start) / (double) (measureFrom - start) : 1.0;
            due += rate * fraction * (now - last) / 1e9;
            last = now;
            while (due >= 1) {
                due--;
                random = random * 6364136223846793005L + 1442695040888963407L;
                String follower = "load-" + Math.floorMod(random >>> 16, followers);
                boolean measured = now >= measureFrom;
                boolean retried = Math.floorMod(random >>> 40, 10_000) < retryShare * 10_000;
                send(follower, QUESTIONS.get(Math.floorMod(random >>> 32, QUESTIONS.size())), measured, retried,
                        inFlight);
                sent++;
                if (measured) measuredSent++;
            }
            Thread.sleep(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        Thread.sleep(2000); // replies past the budget still on their way through the API
        long answered = passive.sum() + Math.min(successOnly.sum(), apiSends.sum());
        System.out.printf("WeChat load: %d messages sent (%d measured at %d/s over %d s after a %d s slow start)%n",
                sent, measuredSent, rate, seconds, ramp);
        System.out.printf("passive reply round trip (measured): p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                latency.getValueAtPercentile(99.9) / 1e6, latency.getMaxValue() / 1e6);
        System.out.printf("passive replies %d, 'success' then the API %d (API messages %d), errors %d, still open %d%n",
                passive.sum(), successOnly.sum(), apiSends.sum(), errors.sum(), inFlight.get());
        System.out.printf("retries: %d got the first answer again (or 'success'), %d another one (processed twice),"
                + " %d failed%n", retriesSame.sum(), retriesDifferent.sum(), retryErrors.sum());
        System.out.printf("lost: %d (neither answered in the response nor through the API, nor an error, nor open)%n",
                sent - answered - errors.sum() - inFlight.get());
    }

    private void send(String follower, String question, boolean measured, boolean retried,
                      java.util.concurrent.atomic.AtomicInteger inFlight) {
        long msgId = messageIds.incrementAndGet();
        HttpRequest request = request(follower, question, msgId);
        long began = System.nanoTime();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((r, e) -> {
            try {
                String reply = answer(r, e);
                if (measured && reply != null) {
                    synchronized (latency) {
                        latency.recordValue(Math.min(System.nanoTime() - began, latency.getHighestTrackableValue()));
                    }
                }
                if (retried && reply != null) retry(follower, question, msgId, reply, inFlight);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** WeChat's retry: the same message again; the answer must be the first one, and nothing processed twice. */
    private void retry(String follower, String question, long msgId, String first,
                       java.util.concurrent.atomic.AtomicInteger inFlight) {
        inFlight.incrementAndGet();
        http.sendAsync(request(follower, question, msgId), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((r, e) -> {
                    try {
                        if (e != null || r.statusCode() != 200) {
                            retryErrors.increment();
                            return;
                        }
                        String again = "success".equals(r.body()) ? "" : content(r.body());
                        // a reply that went through the API is not kept for retries: 'success' answers them
                        if (first.equals(again) || again != null && again.isEmpty()) {
                            retriesSame.increment();
                        } else {
                            retriesDifferent.increment();
                        }
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
    }

    /** The passive reply's text ("" for success), or null for an error; counted. */
    private String answer(HttpResponse<String> response, Throwable failure) {
        if (failure != null || response.statusCode() != 200) {
            errors.increment();
            return null;
        }
        if ("success".equals(response.body())) {
            successOnly.increment();
            return "";
        }
        String content = content(response.body());
        if (content == null) {
            errors.increment();
            return null;
        }
        passive.increment();
        return content;
    }

    private static String content(String body) {
        Matcher m = CONTENT.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private HttpRequest request(String follower, String question, long msgId) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(msgId % 1_000_000_007L);
        String xml = "<xml>\n<ToUserName><![CDATA[gh_load]]></ToUserName>\n<FromUserName><![CDATA[" + follower
                + "]]></FromUserName>\n<CreateTime>" + timestamp + "</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n"
                + "<Content><![CDATA[" + question + "]]></Content>\n<MsgId>" + msgId + "</MsgId>\n</xml>";
        URI target = URI.create(url + "?signature=" + sign(token, timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&openid=" + follower);
        return HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
    }

    private static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WeChat's API host: a token for anyone, and every customer-service message counted. */
    private HttpServer fakeApi(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/cgi-bin/stable_token", exchange ->
                reply(exchange, "{\"access_token\":\"LOAD-TOKEN\",\"expires_in\":7200}"));
        server.createContext("/cgi-bin/token", exchange ->
                reply(exchange, "{\"access_token\":\"LOAD-TOKEN\",\"expires_in\":7200}"));
        server.createContext("/cgi-bin/message/custom/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher to = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            if (to.find()) sentByApi.computeIfAbsent(to.group(1), k -> new LongAdder()).increment();
            apiSends.increment();
            reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
