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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
            assertTrue(handoff.get("text").asString().contains("人工客服暂未上线"), "no agents yet: " + handoff);
        }
    }
}
