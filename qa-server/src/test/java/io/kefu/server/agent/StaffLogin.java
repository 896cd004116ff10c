package io.kefu.server.agent;

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

/** A staff member's browser session for tests: signs in through the real form (with its CSRF token) and keeps the cookies. */
final class StaffLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final int port;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http;

    private StaffLogin(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static StaffLogin anonymous(int port) {
        return new StaffLogin(port);
    }

    /** Signs in: a redirect to /agent (or /content for a content editor) on success, to /login?error on failure. */
    static StaffLogin signedIn(int port, String username, String password) {
        StaffLogin login = new StaffLogin(port);
        HttpResponse<String> answer = login.signIn(username, password);
        String to = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || !(to.endsWith("/agent") || to.endsWith("/content"))) {
            throw new AssertionError("sign-in of " + username + " failed: " + answer.statusCode() + " " + to);
        }
        return login;
    }

    HttpResponse<String> signIn(String username, String password) {
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(loginToken());
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String loginToken() {
        Matcher m = CSRF.matcher(page("/login").body());
        if (!m.find()) throw new AssertionError("no CSRF token on the sign-in page");
        return m.group(1);
    }

    /** A page as a browser asks for it (signed out, a staff page redirects to the sign-in form). */
    HttpResponse<String> page(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
    }

    /** A JSON POST with the CSRF header the console sends (from the XSRF-TOKEN cookie), unless {@code csrf} is false. */
    HttpResponse<String> postJson(String path, String json, boolean csrf) {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf) request.header("X-XSRF-TOKEN", xsrfToken());
        return send(request.build());
    }

    String xsrfToken() {
        get("/api/staff/me"); // issues the cookie after sign-in
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    /** The Cookie header a browser would send to this server. */
    String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().get(uri("/")).stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
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
