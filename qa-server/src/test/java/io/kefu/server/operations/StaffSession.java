package io.kefu.server.operations;

import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;

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
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session for tests of staff endpoints: signs in through the real form (with its CSRF token),
 * keeps the cookies and sends the console's CSRF header. {@link #anonymous} stays signed out.
 */
public final class StaffSession {

    public static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private StaffSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static StaffSession anonymous(int port) {
        return new StaffSession(port);
    }

    /** A new account with these roles, signed in. */
    public static StaffSession newAccount(int port, StaffService staff, Role... roles) {
        String username = roles[0].name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new StaffService.NewStaff(username, "测试" + roles[0].name(), PASSWORD, Set.of(roles), 5,
                Set.of()), "test");
        var session = new StaffSession(port);
        String form = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf="
                + encode(session.loginToken());
        HttpResponse<String> answer = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").matches(".*/(agent|content)")) {
            throw new AssertionError("sign-in of " + username + " failed: " + answer.statusCode());
        }
        return session;
    }

    private String loginToken() {
        Matcher m = CSRF.matcher(get("/login", "text/html").body());
        if (!m.find()) throw new AssertionError("no CSRF token on the sign-in page");
        return m.group(1);
    }

    public HttpResponse<String> get(String path) {
        return get(path, "application/json");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
    }

    public HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON POST with the console's CSRF header. */
    public HttpResponse<String> postJson(String path, String json) {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        String token = xsrfToken();
        if (token != null) request.header("X-XSRF-TOKEN", token);
        return send(request.build());
    }

    private String xsrfToken() {
        get("/api/staff/me");
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The Cookie header a browser would send to this server (for a browser test that takes the session over). */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpResponse<String> send(HttpRequest request) {
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
