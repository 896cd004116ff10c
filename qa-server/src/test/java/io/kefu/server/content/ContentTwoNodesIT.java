package io.kefu.server.content;

import io.kefu.server.KefuServerApplication;
import io.kefu.server.PostgresTestDatabase;
import io.kefu.server.staff.ApiTokens;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.kefu.server.content.ContentFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes sharing one PostgreSQL database: a publish on one is answered by the other within 5 seconds (PostgreSQL
 * NOTIFY through the cluster bus; the calibration made by the publishing node is shared), and so is a rollback.
 */
class ContentTwoNodesIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase("kefu_content_nodes");

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        first = node();
        second = node();
    }

    private static ConfigurableApplicationContext node() throws IOException {
        // each node its own data folder, as on two machines: only the database is shared
        String dataDir = Files.createTempDirectory("kefu-content-node").toString();
        return new SpringApplicationBuilder(KefuServerApplication.class).run(DATABASE.serverArguments(
                "--server.port=0", "--kefu.data-dir=" + dataDir));
    }

    @AfterAll
    static void stopNodes() {
        if (second != null) second.close();
        if (first != null) first.close();
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aPublishOnOneNodeIsAnsweredByTheOtherWithinFiveSeconds() {
        var team = new ContentFixture(port(first), first.getBean(StaffService.class), first.getBean(ApiTokens.class),
                "nodes");
        var other = new ContentApi(port(second), null);
        String question = "星河量子加密通话怎么开通";
        long before = team.editor.get("/api/content/releases").body().get(0).get("id").asLong();

        var draft = team.editor.post("/api/content/entries", entry("quantum-call", question,
                List.of("量子通话在哪开", "想开通量子加密通话"), "登录星河 App，在「通话服务」中开通量子加密通话。"));
        assertEquals(201, draft.status(), draft.text());
        team.reviewer.post("/api/content/reviews/" + draft.get("versionId").asLong(), Map.of("decision", "approve"));
        assertNotEquals("quantum-call", other.ask(question).path("id").asString(""));

        var published = team.reviewer.post("/api/content/releases", Map.of("note", "量子通话"));
        assertEquals(201, published.status(), published.text());
        long at = System.nanoTime();
        ContentWorkflowIT.eventually(() -> "quantum-call".equals(other.ask(question).path("id").asString("")),
                "the other node does not answer from the new release within 5 s");
        assertTrue(Duration.ofNanos(System.nanoTime() - at).toMillis() < 5000);

        var restored = team.reviewer.post("/api/content/releases/" + before + "/restore", Map.of());
        assertEquals(201, restored.status(), restored.text());
        ContentWorkflowIT.eventually(() -> !"quantum-call".equals(other.ask(question).path("id").asString("")),
                "the other node still answers from the rolled-back release after 5 s");
    }
}
