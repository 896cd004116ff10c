package io.kefu.server.agent;

import io.kefu.server.staff.AuditLog;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API tokens: an administrator makes one for an account (shown once), lists them (never the token), and revokes
 * one; the token acts with the account's role on the automation APIs only; making and revoking are audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kefu.admin.username=tokenadmin", "kefu.admin.password=token-admin-pw"})
class ApiTokensIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    AuditLog audit;

    private HttpResponse<String> withToken(String method, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"decision\":\"approve\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAdministratorMakesListsAndRevokesATokenThatActsWithItsAccountsRole() throws Exception {
        staff.create(new StaffService.NewStaff("scripted", "脚本", "scripted-pass-1", Set.of(Role.EDITOR), null, Set.of()),
                "test");
        StaffLogin admin = StaffLogin.signedIn(port, "tokenadmin", "token-admin-pw");

        HttpResponse<String> made = admin.postJson("/api/admin/tokens", "{\"username\":\"scripted\",\"label\":\"夜间导入\"}", true);
        assertEquals(201, made.statusCode(), made.body());
        JsonNode token = JSON.readTree(made.body());
        String secret = token.get("token").asString();
        assertTrue(secret.startsWith("kefu_") && secret.length() > 40);

        String listed = admin.get("/api/admin/tokens").body();
        assertTrue(listed.contains("夜间导入") && listed.contains("scripted"), listed);
        assertFalse(listed.contains(secret), "the token is shown once only");
        assertEquals(400, admin.postJson("/api/admin/tokens", "{\"username\":\"nobody\"}", true).statusCode());

        assertEquals(200, withToken("GET", "/api/content/entries", secret).statusCode());
        assertEquals(403, withToken("POST", "/api/content/releases", secret).statusCode(), "an editor's token cannot publish");
        assertEquals(401, withToken("GET", "/api/admin/staff", secret).statusCode(), "tokens open the automation APIs only");
        assertEquals(401, withToken("GET", "/api/staff/me", secret).statusCode());
        // the agent console's socket and pages ignore tokens too
        assertEquals(401, withToken("GET", "/ws/agent", secret).statusCode());

        long id = token.get("id").asLong();
        var revoke = admin.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/tokens/" + id))
                .header("X-XSRF-TOKEN", admin.xsrfToken()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, revoke.statusCode(), revoke.body());
        HttpResponse<String> revoked = withToken("GET", "/api/content/entries", secret);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.body().contains("API 令牌无效或已撤销"), revoked.body());
        assertTrue(admin.get("/api/admin/tokens").body().contains("revokedAt\":\"20"));

        var actions = audit.latest(50).stream().map(AuditLog.Entry::action).toList();
        assertTrue(actions.contains("token_create") && actions.contains("token_revoke"), actions.toString());
    }
}
