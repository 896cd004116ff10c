package io.kefu.server.ticket;

import com.sun.net.httpserver.HttpServer;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.DialogueEffect;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.Turn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the dialogue decided a completed form does, carried out against a real database and a real webhook. */
class FormEffectsTest {

    private static final String CONVERSATION = "c0000000-0000-0000-0000-000000000001";
    private static final DialogueEffect.Confirmation CONFIRMATION = new DialogueEffect.Confirmation(
            "已提交号码 {phone} 的话费查询（工单号 {ticket}）。", Map.of("phone", "138****8000"),
            "系统暂时繁忙，您的申请已登记为工单 {ticket}，工作人员会尽快处理。");

    @TempDir
    Path dataDir;

    private JdbcClient jdbc;
    private FormEffects effects;

    @BeforeEach
    void database() {
        var fixture = new DeskFixture(dataDir);
        jdbc = fixture.jdbc;
        fixture.conversation(CONVERSATION, "v1", false, null);
        effects = new FormEffects(fixture.desk, new TicketStatusReplies(fixture.store, fixture.conversations,
                fixture.properties), fixture.settings);
    }

    private static Turn completing(DialogueEffect effect) {
        return new Turn(List.of(), DialogueState.start(), null, List.of(effect), null);
    }

    private String only(String column) {
        return jdbc.sql("select " + column + " from tickets where conversation_id = ?").param(CONVERSATION)
                .query(String.class).single();
    }

    @Test
    void aTicketIsRecordedAndTheConfirmationNamesIt() {
        List<BotMessage> messages = effects.carryOut(completing(new DialogueEffect.RecordTicket("bill_query",
                Map.of("phone", "13800138000"), CONFIRMATION)), CONVERSATION);
        String id = only("id");
        assertTrue(id.startsWith("T20261204-"), id);
        assertEquals(List.of(BotMessage.Kind.DONE), messages.stream().map(BotMessage::kind).toList());
        assertEquals("已提交号码 138****8000 的话费查询（工单号 " + id + "）。", messages.get(0).text());
        assertEquals("{\"phone\":\"13800138000\"}", only("slots"), "agents get the real number");
        assertEquals("", only("note"));
    }

    @Test
    void theWebhookGetsTheFormAndAFailureStillKeepsTheRequestAsATicket() throws IOException {
        var received = new AtomicReference<String>();
        var status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            var call = new DialogueEffect.CallWebhook(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
                    Duration.ofSeconds(2), "bill_query", Map.of("phone", "13800138000"), CONFIRMATION);
            List<BotMessage> delivered = effects.carryOut(completing(call), CONVERSATION);
            assertEquals("{\"intent\":\"bill_query\",\"slots\":{\"phone\":\"13800138000\"},\"conversation\":\""
                    + CONVERSATION + "\"}", received.get());
            assertEquals("已提交号码 138****8000 的话费查询（工单号 ）。", delivered.get(0).text());
            assertEquals(0, jdbc.sql("select count(*) from tickets").query(Integer.class).single(), "the webhook took it");

            status.set(500);
            List<BotMessage> failed = effects.carryOut(completing(call), CONVERSATION);
            assertEquals("webhook failed: HTTP 500", only("note"));
            assertEquals("系统暂时繁忙，您的申请已登记为工单 " + only("id") + "，工作人员会尽快处理。", failed.get(0).text());
        } finally {
            server.stop(0);
        }
    }
}
