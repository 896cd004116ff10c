package io.kefu.server.ask;

import io.kefu.server.FuzzInput;
import io.kefu.server.FuzzServer;
import io.kefu.server.LogCapture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 generated requests to {@code /api/ask} ({@link FuzzInput}, seeded): odd questions, parameters, bodies,
 * content types, {@code Accept} headers, methods, and bytes no well-behaved client sends (over a raw socket). None
 * gets a 5xx or leaves an ERROR in the log; every 400 says what is wrong in Chinese; a bystander's question keeps
 * being answered.
 */
@FuzzServer
class AskFuzzIT {

    private static final int REQUESTS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/problem+json",
            "text/html", "application/xml", "text/plain", "image/png", "*/*;q=0.1, text/html", "garbage", "a/b/c",
            "application/json;q=0");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "application/json; charset=GBK", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/xml", "garbage", "application/json; charset=nonsense");
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "POST", "POST", "PUT", "DELETE",
            "PATCH", "OPTIONS", "HEAD");
    private static final List<String> RAW_QUERIES = List.of("q=%ff%fe", "q=%zz", "q=%", "q=%e4%b8", "q", "=",
            "q=a&q=b", "q=%00", "q=" + "%e8%af%9d".repeat(600), "trace=true", "q=%E8%AF%9D%E8%B4%B9&trace=%ff");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final FuzzInput fuzz = new FuzzInput(FuzzInput.seed() + 2);
    private final List<String> failures = new ArrayList<>();

    @Test
    void tenThousandGeneratedRequestsGetNoServerErrorAndHarmNobody() throws Exception {
        try (LogCapture log = LogCapture.capture()) {
            for (int i = 1; i <= REQUESTS; i++) {
                if (fuzz.chance(5)) {
                    raw();
                } else {
                    request();
                }
                if (i % 500 == 0) bystanderIsAnswered();
            }
            failures.stream().limit(40).forEach(System.out::println);
            assertEquals(List.of(), failures.stream().limit(20).toList(),
                    failures.size() + " bad responses (seed " + (FuzzInput.seed() + 2) + ")");
            assertEquals(List.of(), log.failures(), "ERROR or stack traces in the log");
        }
    }

    private void request() throws IOException, InterruptedException {
        String method = fuzz.pick(METHODS);
        String query = switch (fuzz.nextInt(4)) {
            case 0 -> "";
            case 1 -> "?q=" + encode(fuzz.text());
            case 2 -> "?q=" + encode(fuzz.text()) + "&trace=" + encode(fuzz.chance(50) ? "true" : fuzz.text());
            default -> "?" + encode(fuzz.text()) + "=" + encode(fuzz.text());
        };
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask" + query))
                .timeout(Duration.ofSeconds(20));
        String accept = fuzz.chance(70) ? fuzz.pick(ACCEPTS) : null;
        if (accept != null) builder.header("Accept", accept);
        String body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") || fuzz.chance(5)) {
            body = switch (fuzz.nextInt(4)) {
                case 0 -> JSON.createObjectNode().put("q", fuzz.text()).toString();
                case 1 -> JSON.createObjectNode().put("q", fuzz.text()).set("trace", fuzz.value()).toString();
                case 2 -> fuzz.notAnObject();
                default -> JSON.createObjectNode().set("q", fuzz.value()).toString();
            };
            if (fuzz.chance(90)) builder.header("Content-Type", fuzz.pick(CONTENT_TYPES));
            // the JDK client sends text as UTF-8; a lone surrogate would go as '?', so it goes escaped
            body = FuzzInput.escapedIfNeeded(body);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (method.equals("HEAD")) return;   // no body to read
        check(method + " " + query + (body == null ? "" : " " + body) + " Accept: " + accept + " Content-Type: "
                        + builder.build().headers().firstValue("Content-Type").orElse(null), response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    /** A request no well-behaved client sends: bytes that are not UTF-8, broken percent-encoding. */
    private void raw() throws IOException {
        String query = fuzz.pick(RAW_QUERIES);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/ask?" + query + " HTTP/1.0\r\nHost: localhost\r\nAccept: " + fuzz.pick(ACCEPTS)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] status = response.split(" ", 3);
            int code = status.length > 1 && status[1].matches("\\d{3}") ? Integer.parseInt(status[1]) : 0;
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            check("raw ?" + query, code, split < 0 ? "" : response.substring(split + 4), contentType);
        }
    }

    private void check(String request, int status, String body, String contentType) {
        if (status == 0 || status >= 500) {
            failures.add(status + " for " + shortened(request) + ": " + shortened(body));
        } else if (status >= 400 && contentType.contains("json")) {
            String detail = detail(body);
            if (detail == null || !detail.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)) {
                failures.add(status + " without a Chinese detail for " + shortened(request) + ": " + shortened(body));
            }
        }
    }

    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("detail").asString(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void bystanderIsAnswered() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/ask?q=" + encode("话费怎么查"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).path("answer").isString(), response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shortened(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
