package io.kefu.server.outreach;

import io.kefu.server.chat.ChatClient;
import io.kefu.server.operations.OpsServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quiet hours on a server whose quiet hours are all day but the last second: a message to a customer who is
 * online waits, and says until when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kefu.outreach.key=" + OpsServer.OUTREACH_KEY,
        "kefu.handoff.profile-key=" + OpsServer.PROFILE_KEY,
        "kefu.outreach.quiet-start=00:00",
        "kefu.outreach.quiet-end=23:59:59"})
class OutreachQuietHoursIT {

    @LocalServerPort
    int port;

    @Test
    void aMessageSentInQuietHoursWaitsForTheirEnd() {
        var operator = new OutreachClient(port);
        Instant before = Instant.now();
        try (ChatClient chat = ChatClient.connect(port)) {
            OutreachClient.hello(chat, "C-night");
            HttpResponse<String> sent = operator.send("""
                    {"template": "bill_due", "customer": "C-night", "variables": {"amount": "88", "due": "12月10日"}}""");
            assertEquals(201, sent.statusCode(), sent.body());
            JsonNode accepted = OutreachClient.JSON.readTree(sent.body());
            assertEquals("pending", accepted.get("status").asString());
            ZonedDateTime notBefore = Instant.parse(accepted.get("notBefore").asString())
                    .atZone(ZoneId.of("Asia/Shanghai"));
            assertEquals("23:59:59", notBefore.toLocalTime().toString());
            assertTrue(notBefore.toInstant().isAfter(before));
            assertTrue(chat.drain(Duration.ofSeconds(1)).isEmpty(), "nothing shown in quiet hours");
            assertEquals("pending", operator.status(accepted.get("id").asString()).get("status").asString());
        }
    }
}
