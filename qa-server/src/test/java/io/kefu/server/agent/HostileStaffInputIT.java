package io.kefu.server.agent;

import io.kefu.server.agent.HandoffFixture.Customer;
import io.kefu.server.staff.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
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

    @Autowired
    ApplicationContext server;

    private HandoffFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new HandoffFixture(port, server);
    }

    @AfterEach
    void closeEverything() {
        fixture.close();
    }

    private String newAccount(Role role) {
        return fixture.newAgent("员工", 5, Set.of(role), Set.of());
    }

    @Test
    void aMalformedOriginIsRefusedWithOneWarning(CapturedOutput log) {
        StaffLogin agent = StaffLogin.signedIn(port, newAccount(Role.AGENT), PASSWORD);
        for (String origin : List.of("http://a:b", "%%%", "http://exa mple")) {
            int before = log.getAll().length();
            assertEquals(403, AgentClient.refusal(agent, origin), origin);
            String logged = log.getAll().substring(before);
            assertEquals(1, logged.lines().filter(line -> line.contains(" WARN ")).count(), logged);
            assertFalse(logged.contains("ERROR") || logged.contains("\tat "), "no stack trace: " + logged);
        }
        assertEquals(-1, AgentClient.refusal(agent, "http://localhost:" + port), "a well-formed one still works");
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

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
