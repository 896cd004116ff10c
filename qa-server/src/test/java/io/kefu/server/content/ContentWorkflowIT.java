package io.kefu.server.content;

import io.kefu.server.staff.ApiTokens;
import io.kefu.server.staff.AuditLog;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.kefu.server.content.ContentFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The content team's workflow on a real server, through the API with API tokens: the bundled content is release 1;
 * a draft is reviewed (not by its author, never by an editor) and published; the gate blocks a publish that breaks
 * a must-pass question unless a reviewer overrides it with a reason; rollback; an entry stops being answered when it
 * expires, with no publish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentWorkflowIT {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T02:00:00Z"));

    @TestBean(name = "contentClock")
    java.time.Clock contentClock;

    static java.time.Clock contentClock() {
        return CLOCK;
    }

    @DynamicPropertySource
    static void ownDataFolder(DynamicPropertyRegistry registry) throws IOException {
        var dataDir = Files.createTempDirectory("kefu-content");
        registry.add("kefu.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditLog audit;

    ContentFixture team;

    @BeforeEach
    void team() {
        team = new ContentFixture(port, staff, tokens, "t" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void theBundledContentIsTheFirstReleaseAndAnswers() {
        JsonNode releases = team.editor.get("/api/content/releases").body();
        JsonNode first = releases.get(releases.size() - 1);
        assertEquals(1, first.get("id").asLong());
        assertTrue(first.get("entries").asInt() > 300, first.toString());
        assertEquals("tel-billing-001", team.editor.ask("话费余额怎么查").get("id").asString());
        var entries = team.editor.get("/api/content/entries?q=" + "tel-billing").body();
        assertTrue(entries.get("total").asInt() >= 1);
    }

    @Test
    void aDraftIsReviewedByAnotherPersonThenPublishedAndAnswered() {
        String question = "星河卫星电话套餐怎么办理" + suffix();
        var created = team.editor.post("/api/content/entries", entry(null, question,
                List.of("我想办卫星电话套餐", "卫星电话怎么开通"), "请到星河营业厅办理卫星电话套餐。"));
        assertEquals(201, created.status(), created.text());
        assertEquals("DRAFT", created.get("state").asString());
        long draft = created.get("versionId").asLong();
        String id = created.get("id").asString();

        // an editor can neither review nor publish
        assertEquals(403, team.secondEditor.post("/api/content/reviews/" + draft, Map.of("decision", "approve")).status());
        assertEquals(403, team.editor.post("/api/content/releases", Map.of("note", "x")).status());
        // nor can an agent touch content, nor anyone without a token
        assertEquals(403, team.agent.get("/api/content/entries").status());
        assertEquals(401, team.anonymous.get("/api/content/entries").status());
        assertEquals(401, new ContentApi(port, "kefu_not-a-token").get("/api/content/entries").status());

        // a reviewer may not approve their own draft
        var own = team.reviewer.post("/api/content/entries", entry(null, "卫星电话资费标准" + suffix(),
                List.of(), "卫星电话每分钟 1 元。"));
        var refused = team.reviewer.post("/api/content/reviews/" + own.get("versionId").asLong(),
                Map.of("decision", "approve"));
        assertEquals(403, refused.status());
        assertTrue(refused.get("detail").asString().contains("自己"), refused.text());

        var sentBack = team.reviewer.post("/api/content/reviews/" + draft, Map.of("decision", "reject"));
        assertEquals(400, sentBack.status(), "a send-back needs a comment");
        assertTrue(sentBack.get("detail").asString().contains("退回原因"));

        var approved = team.reviewer.post("/api/content/reviews/" + draft, Map.of("decision", "approve", "comment", "好"));
        assertEquals(200, approved.status(), approved.text());
        assertEquals("APPROVED", approved.get("state").asString());
        assertNotEquals(id, team.editor.ask(question).path("id").asString(""), "not live before the publish");

        var published = team.reviewer.post("/api/content/releases", Map.of("note", "卫星电话"));
        assertEquals(201, published.status(), published.text());
        assertTrue(published.get("gate").get("passed").asBoolean());
        assertTrue(published.get("release").get("live").asBoolean());
        assertEquals(id, team.editor.ask(question).get("id").asString());

        // the next change shows up in the history as a readable difference
        var changed = team.editor.put("/api/content/entries/" + id, entry(id, question,
                List.of("我想办卫星电话套餐", "卫星电话怎么开通", "卫星电话在哪办"), "请到星河营业厅或 App 办理。"));
        assertEquals(200, changed.status(), changed.text());
        JsonNode history = team.editor.get("/api/content/entries/" + id + "/history").body();
        assertEquals(2, history.size());
        String changes = history.get(0).get("changes").toString();
        assertTrue(changes.contains("相似问题 新增：「卫星电话在哪办」"), changes);
        assertTrue(changes.contains("答案：「请到星河营业厅办理卫星电话套餐。」 → 「请到星河营业厅或 App 办理。」"), changes);

        // restoring the first version is a draft again, for review
        long first = history.get(1).get("versionId").asLong();
        var restored = team.editor.post("/api/content/entries/" + id + "/restore?version=" + first, Map.of());
        assertEquals(201, restored.status(), restored.text());
        assertEquals("请到星河营业厅办理卫星电话套餐。", restored.get("answer").asString());
        assertEquals("DRAFT", restored.get("state").asString());

        // a bulk action drafts a change of each selected entry
        var moved = team.editor.post("/api/content/entries/bulk", Map.of("ids", List.of(id), "action", "category",
                "category", "卫星业务"));
        assertEquals(201, moved.status(), moved.text());
        assertEquals("卫星业务", team.editor.get("/api/content/entries/" + id).get("category").asString());
        assertEquals(404, team.editor.post("/api/content/entries/bulk", Map.of("ids", List.of("no-such-entry"),
                "action", "retire")).status());
    }

    @Test
    void theGateBlocksAPublishThatBreaksAMustPassQuestionUntilAReviewerOverridesIt() {
        JsonNode before = team.editor.get("/api/content/test-questions").body();
        var added = team.editor.post("/api/content/test-questions",
                List.of(Map.of("question", "信用卡年费怎么减免", "expected", "bank-credit-020", "mustPass", true)));
        assertEquals(201, added.status(), added.text());
        long firstRelease = latestRelease();
        try {
            var retired = team.editor.delete("/api/content/entries/bank-credit-020");
            assertEquals(200, retired.status(), retired.text());
            team.reviewer.post("/api/content/reviews/" + retired.get("versionId").asLong(), Map.of("decision", "approve"));

            var blocked = team.reviewer.post("/api/content/releases", Map.of("note", "下线信用卡年费"));
            assertEquals(409, blocked.status(), blocked.text());
            assertFalse(blocked.get("gate").get("passed").asBoolean());
            assertTrue(blocked.get("detail").asString().contains("信用卡年费怎么减免"), blocked.text());
            assertTrue(blocked.get("gate").get("changed").toString().contains("bank-credit-020"));
            assertEquals("bank-credit-020", team.editor.ask("信用卡年费怎么减免").get("id").asString());

            var overridden = team.reviewer.post("/api/content/releases",
                    Map.of("note", "下线信用卡年费", "overrideReason", "该业务已停办，答案作废"));
            assertEquals(201, overridden.status(), overridden.text());
            assertEquals("该业务已停办，答案作废", overridden.get("release").get("overrideReason").asString());
            assertNotEquals("bank-credit-020", team.editor.ask("信用卡年费怎么减免").path("id").asString(""));
            assertTrue(audit.latest(50).stream().anyMatch(e -> e.action().equals("content_publish_override")
                    && e.detail().equals("该业务已停办，答案作废")));

            // rollback: the release before is live again as a new release, and answers
            var restored = team.reviewer.post("/api/content/releases/" + firstRelease + "/restore", Map.of());
            assertEquals(201, restored.status(), restored.text());
            assertEquals(firstRelease, restored.get("restoredFrom").asLong());
            assertEquals("bank-credit-020", team.editor.ask("信用卡年费怎么减免").get("id").asString());
            assertEquals(403, team.editor.post("/api/content/releases/" + firstRelease + "/restore", Map.of()).status());
        } finally {
            team.editor.post("/api/content/test-questions?replace=true", before);
        }
    }

    @Test
    void anEntryStopsBeingAnsweredWhenItExpiresWithoutAPublish() {
        String question = "端午节流量红包怎么领" + suffix();
        Instant until = CLOCK.instant().plus(Duration.ofMinutes(30));
        var notice = team.reviewer.post("/api/content/notices", Map.of("question", question,
                "similar", List.of("端午流量红包在哪领取", "端午节送的流量怎么拿"),
                "answer", "端午期间登录星河 App 首页即可领取流量红包。", "validUntil", until.toString()));
        assertEquals(201, notice.status(), notice.text());
        String id = team.editor.ask(question).get("id").asString();
        assertTrue(id.startsWith("notice-"), id);
        assertEquals(403, team.editor.post("/api/content/notices", Map.of("question", "x", "answer", "y",
                "validUntil", until.toString())).status(), "a notice is a reviewer's");

        CLOCK.advance(Duration.ofMinutes(29));
        assertEquals(id, team.editor.ask(question).get("id").asString());
        CLOCK.advance(Duration.ofMinutes(1));
        eventually(() -> !id.equals(team.editor.ask(question).path("id").asString("")), "the expired notice is still answered");
    }

    @Test
    void theTestConsoleComparesDraftWithPublishedAndAPhrasingOfAnotherEntryIsFlagged() {
        String question = "星河海底光缆故障什么时候修好" + suffix();
        var draft = team.editor.post("/api/content/entries", entry(null, question, List.of("海底光缆断了什么时候恢复"),
                "预计三天内修复。"));
        assertEquals(201, draft.status(), draft.text());
        var onDraft = team.editor.post("/api/content/test", Map.of("q", question, "target", "draft"));
        assertEquals(200, onDraft.status(), onDraft.text());
        assertEquals(draft.get("id").asString(), onDraft.get("id").asString());
        assertTrue(onDraft.get("trace").get("candidates").size() > 0);
        var onPublished = team.editor.post("/api/content/test", Map.of("q", question, "target", "published"));
        assertNotEquals(draft.get("id").asString(), onPublished.get("id").asString(""));
        assertEquals(400, team.editor.post("/api/content/test", Map.of("q", question, "target", "both")).status());

        var clash = team.editor.post("/api/content/phrasings/check", Map.of("phrasing", "我还剩多少话费",
                "entryId", draft.get("id").asString()));
        assertTrue(clash.get("clash").asBoolean(), clash.text());
        assertEquals("tel-billing-001", clash.get("entryId").asString());
        assertTrue(clash.get("message").asString().contains("怎么查询话费余额"), clash.text());
        var own = team.editor.post("/api/content/phrasings/check", Map.of("phrasing", "我还剩多少话费",
                "entryId", "tel-billing-001"));
        assertFalse(own.get("clash").asBoolean(), "its own entry is no clash");
        // and saving it on another entry is refused outright: an exact phrasing of another entry
        var refused = team.editor.put("/api/content/entries/" + draft.get("id").asString(), entry(draft.get("id").asString(),
                question, List.of("我还剩多少话费"), "预计三天内修复。"));
        assertEquals(400, refused.status());
        assertTrue(refused.get("detail").asString().contains("tel-billing-001"), refused.text());
    }

    @Test
    void anIntentTemplateThatDoesNotCompileSaysWhereAndWhy() {
        var fine = team.editor.post("/api/content/intents/check", Map.of("yaml",
                "intents:\n  - name: moon_trip\n    reply: 暂不支持\n    templates:\n      - \"[我要]去月球[旅游]\"\n"));
        assertEquals(200, fine.status(), fine.text());
        assertTrue(fine.get("ok").asBoolean(), fine.text());
        assertEquals("moon_trip", fine.get("intents").get(0).asString());

        var broken = team.editor.post("/api/content/intents/check", Map.of("yaml",
                "intents:\n  - name: moon_trip\n    reply: 暂不支持\n    templates:\n      - \"[我要去月球\"\n"));
        assertEquals(200, broken.status(), broken.text());
        assertFalse(broken.get("ok").asBoolean());
        assertTrue(broken.get("where").asString().contains("templates[0]"), broken.text());
        assertTrue(broken.get("why").asString().contains("unbalanced brackets"), broken.text());
    }

    private long latestRelease() {
        return team.editor.get("/api/content/releases").body().get(0).get("id").asLong();
    }

    private static String suffix() {
        return "（" + UUID.randomUUID().toString().substring(0, 4) + "）";
    }

    static void eventually(Supplier<Boolean> condition, String message) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError(message);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
