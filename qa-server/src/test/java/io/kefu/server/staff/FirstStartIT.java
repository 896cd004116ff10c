package io.kefu.server.staff;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start with no administrator configured: no account exists, the one-time setup token (in the log and in
 * the data folder) creates the first administrator once, and then setup is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstStartIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @DynamicPropertySource
    static void freshDataFolder(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("kefu-first-start");
        registry.add("kefu.data-dir", dataDir::toString);
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postSetup(String token, String username) throws Exception {
        // the sign-in form always carries a CSRF token (the setup form only while setup is open)
        Matcher csrf = CSRF.matcher(get("/login").body());
        assertTrue(csrf.find());
        String form = "token=" + enc(token) + "&username=" + enc(username) + "&password=" + enc("first-admin-pw")
                + "&_csrf=" + enc(csrf.group(1));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/setup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theSetupTokenCreatesTheFirstAdministratorOnce() throws Exception {
        assertTrue(staff.all().isEmpty(), "no default account");
        Path tokenFile = dataDir.resolve("setup-token");
        String token = Files.readString(tokenFile).strip();
        assertTrue(get("/login").body().contains("初始化管理员账号"), "the sign-in page points to setup");

        HttpResponse<String> wrong = postSetup("not-the-token", "boss");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("设置令牌不正确"), wrong.body());
        assertTrue(staff.all().isEmpty());

        assertTrue(postSetup(token, "boss").body().contains("初始化完成"));
        assertTrue(staff.find("boss").orElseThrow().roles().contains(Role.ADMIN));
        assertFalse(Files.exists(tokenFile), "the used token is gone");

        // setup is closed now: the form is gone and a replayed request creates nothing
        HttpResponse<String> again = postSetup(token, "intruder");
        assertTrue(again.body().contains("系统已完成初始化"), again.body());
        assertTrue(staff.find("intruder").isEmpty(), "the token works once");
    }
}
