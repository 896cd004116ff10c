package io.kefu.server.ticket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's browser session against the real server: signed in through the form, CSRF header on POSTs. */
final class StaffSession {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private StaffSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static StaffSession anonymous(int port) {
        return new StaffSession(port);
    }

    static StaffSession signedIn(int port, String username, String password) {
        var session = new StaffSession(port);
        Matcher m = CSRF.matcher(session.send(HttpRequest.newBuilder(session.uri("/login")).GET().build()).body());
        if (!m.find()) throw new AssertionError("no CSRF token on the sign-in page");
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(m.group(1));
        HttpResponse<String> answer = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").matches(".*/(agent|content)")) {
            throw new AssertionError("sign-in of " + username + " failed: " + answer.statusCode());
        }
        session.get("/api/staff/me"); // hands out the XSRF-TOKEN cookie
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
    }

    /** A GET that must answer 200, as JSON. */
    JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(String path, String json) {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        String token = cookie("XSRF-TOKEN");
        if (token != null) request.header("X-XSRF-TOKEN", token);
        return send(request.build());
    }

    HttpResponse<String> postWithoutCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A ticket event that must succeed; the ticket as it is afterwards. */
    JsonNode event(String ticket, String json) {
        HttpResponse<String> response = post("/api/tickets/" + ticket + "/events", json);
        if (response.statusCode() != 200) throw new AssertionError(json + ": " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
