package io.kefu.server.chat;

import io.kefu.server.ticket.JdbcTicketStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A multi-turn request over the real WebSocket: the fault-report form asks for what is missing, survives a
 * reconnect in the middle (its state lives with the conversation, not the socket), and records a ticket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.handoff.hours=MON-SUN 00:00-24:00")
class ChatFormIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTicketStore tickets;

    private static JsonNode botMessage(ChatClient client) throws Exception {
        client.next("ack");
        return client.next("message");
    }

    @Test
    void aFaultReportIsCollectedAcrossAReconnectAndRecordedAsATicket() throws Exception {
        String token;
        String conversation;
        try (ChatClient first = ChatClient.connect(port)) {
            first.send(frame("hello").put("v", 1));
            JsonNode welcome = first.next("welcome");
            token = welcome.get("token").asString();
            conversation = welcome.get("conversation").asString();

            first.send(message("f1", "我家宽带坏了"));
            JsonNode ask = botMessage(first);
            assertEquals("prompt", ask.get("kind").asString(), ask.toString());
            assertTrue(ask.get("text").asString().contains("宽带账号"), ask.toString());
            assertTrue(ask.get("quickReplies").toString().contains("取消"));

            first.send(message("f2", "02187654321"));
            JsonNode next = botMessage(first);
            assertTrue(next.get("text").asString().contains("故障现象"), next.toString());
        }
        try (ChatClient second = ChatClient.connect(port)) {
            second.send(frame("hello").put("v", 1).put("token", token).put("conversation", conversation)
                    .put("lastSeq", 4));
            assertTrue(second.next("welcome").get("resumed").asBoolean());
            second.send(message("f3", "网速特别慢"));
            JsonNode done = botMessage(second);
            assertEquals("done", done.get("kind").asString(), done.toString());
            assertTrue(done.get("text").asString().contains("故障申告"), done.toString());
            assertEquals(List.of("fault_report"), tickets.intentsOf(conversation));

            second.send(message("f4", "转人工"));
            JsonNode handoff = botMessage(second);
            assertEquals("handoff", handoff.get("kind").asString(), handoff.toString());
            // no agent is signed in: the customer is told so and asked for a number to leave a message with
            JsonNode nobody = second.next("message");
            assertEquals("leave_message", nobody.get("kind").asString(), nobody.toString());
            assertTrue(nobody.get("text").asString().contains("暂无人工客服在线"), nobody.toString());
            JsonNode asked = second.next("message");
            assertEquals("prompt", asked.get("kind").asString(), asked.toString());
            assertTrue(asked.get("text").asString().contains("手机号码"), asked.toString());
            second.send(message("f5", "13800138000"));
            assertTrue(botMessage(second).get("text").asString().contains("问题"));
            second.send(message("f6", "我的宽带一直连不上，请尽快联系我"));
            JsonNode left = botMessage(second);
            assertEquals("done", left.get("kind").asString(), left.toString());
            assertTrue(left.get("text").asString().contains("138****8000"), left.toString());
            assertEquals(List.of("fault_report", "leave_message"), tickets.intentsOf(conversation));
        }
    }
}
