package io.kefu.server.ticket;

import com.sun.net.httpserver.HttpServer;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.DialogueEffect;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.Turn;
import io.kefu.server.system.KefuProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        var dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("kefu"), "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into visitors (id, token_hash, created_at) values ('v1', 'h1', ?)").param(now).update();
        jdbc.sql("insert into conversations (id, visitor_id, channel, status, last_seq, created_at) "
                + "values (?, 'v1', 'web', 'open', 0, ?)").params(CONVERSATION, now).update();
        KefuProperties properties = new Binder(new MapConfigurationPropertySource()).bindOrCreate("kefu", KefuProperties.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);
        effects = new FormEffects(new JdbcTicketStore(jdbc, JsonMapper.builder().build(), clock, properties));
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
