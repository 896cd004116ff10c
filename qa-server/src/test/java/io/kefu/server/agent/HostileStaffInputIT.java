package io.kefu.server.agent;

import io.kefu.server.MalformedOrigins;
import io.kefu.server.agent.HandoffFixture.Customer;
import io.kefu.server.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static io.kefu.server.agent.AgentClient.frame;
import static io.kefu.server.agent.HandoffFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a clumsy or hostile client of the staff side sends: a malformed {@code Origin}, frames of the wrong shape,
 * guessed conversation ids, user names padded with whitespace, markup in a display name, broken JSON. Each gets a
 * clear refusal and nothing more.
 */
@HandoffServer
@ExtendWith(OutputCaptureExtension.class)
class HostileStaffInputIT {

    @LocalServerPort
    int port;

    @RegisterExtension
    final HandoffFixture fixture = new HandoffFixture();

    private String newAccount(Role role) {
        return fixture.newAgent("员工", 5, Set.of(role), Set.of());
    }

    @Test
    void aMalformedOriginIsRefusedWithOneWarning(CapturedOutput log) {
        StaffLogin agent = StaffLogin.signedIn(port, newAccount(Role.AGENT), PASSWORD);
        MalformedOrigins.assertRefused(log, origin -> AgentClient.refusal(agent, origin));
        assertEquals(-1, AgentClient.refusal(agent, "http://localhost:" + port), "a well-formed one still works");
    }

    @Test
    void typingIsOnlyTrueOrFalse() {
        AgentClient agent = fixture.agentOnline("小彭", 5);
        agent.sendRaw("{\"type\":\"typing\",\"conversation\":\"c\",\"on\":{\"x\":1},\"ref\":\"t\"}");
        assertEquals("bad_frame", agent.error().get("code").asString());
    }

    @Test
    void pickingAMadeUpConversationAndOneNotWaitingAreRefusedAlike() {
        AgentClient agent = fixture.agentOnline("小邓", 5);
        Customer withTheBot = fixture.customer();
        agent.send(frame("pick", "00000000-0000-0000-0000-000000000000").put("ref", "made-up"));
        JsonNode madeUp = agent.error();
        agent.send(frame("pick", withTheBot.conversation()).put("ref", "existing"));
        JsonNode existing = agent.error();
        assertEquals(madeUp.get("code"), existing.get("code"));
        assertEquals(madeUp.get("message"), existing.get("message"));
    }

    @Test
    void whitespaceAroundTheUserNameNeitherEscapesNorLiftsTheSignInBlock() {
        String name = newAccount(Role.AGENT);
        StaffLogin guesser = StaffLogin.anonymous(port);
        for (int i = 0; i < 5; i++) {
            assertTrue(location(guesser.signIn(name, "wrong-password-" + i)).endsWith("/login?error"));
        }
        for (String padded : List.of(name + " ", " " + name, name + "\t", "\u3000" + name)) {
            assertTrue(location(guesser.signIn(padded, "wrong-password")).endsWith("/login?blocked"), "[" + padded + "]");
        }
        assertTrue(location(guesser.signIn(name + "  ", PASSWORD)).endsWith("/login?blocked"),
                "the right password does not sign in while blocked");
        assertTrue(location(guesser.signIn(name, PASSWORD)).endsWith("/login?blocked"), "nor did it lift the block");
    }

    @Test
    void theSessionCookieIsNotSentWithRequestsFromOtherSites() {
        HttpResponse<String> signedIn = StaffLogin.anonymous(port).signIn(newAccount(Role.AGENT), PASSWORD);
        assertTrue(location(signedIn).endsWith("/agent"));
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers()));
        assertTrue(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void aDisplayNameWithMarkupIsRefused() {
        StaffLogin admin = StaffLogin.signedIn(port, newAccount(Role.ADMIN), PASSWORD);
        HttpResponse<String> refused = admin.postJson("/api/admin/staff", "{\"username\":\"markup1\","
                + "\"displayName\":\"<img src=x onerror=alert(1)>\",\"password\":\"long-enough-1\",\"roles\":[\"AGENT\"]}", true);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("显示名称"), refused.body());
        assertTrue(fixture.jdbc().sql("select count(*) from staff where username = 'markup1'").query(Long.class)
                .single() == 0, "no account");
    }

    @Test
    void brokenJsonForStaffAccountsIsAnsweredAboutStaffAccounts() {
        StaffLogin admin = StaffLogin.signedIn(port, newAccount(Role.ADMIN), PASSWORD);
        HttpResponse<String> broken = admin.postJson("/api/admin/staff", "{\"username\":", true);
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().contains("username") && !broken.body().contains("话费"), broken.body());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
