package io.kefu.server.agent;

import io.kefu.server.agent.HandoffFixture.Customer;
import io.kefu.server.chat.ChatClient;
import io.kefu.server.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.kefu.server.agent.AgentClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What agents write reaches the customer once and intact, whatever the console sends: text no database or socket
 * can carry is cleaned, a message stored before that cleaning existed stops no replay or transcript, and a reply
 * sent again with the same id is stored and delivered once.
 */
@HandoffServer
@ExtendWith(OutputCaptureExtension.class)
class AgentRepliesIT {

    /** What a lone surrogate is sent as once the socket cannot encode it. */
    private static final String REPLACEMENT = "\uFFFD";

    @LocalServerPort
    int port;

    @RegisterExtension
    final HandoffFixture fixture = new HandoffFixture();

    /** A customer served by a new agent: the customer asked for a person and the agent got the conversation. */
    private Customer servedBy(AgentClient agent) {
        Customer customer = fixture.customer();
        customer.say("h1", "转人工");
        customer.message("system", "agent_joined");
        agent.until("assigned", customer.conversation());
        return customer;
    }

    /** A frame as a console could send it, with JSON escapes (such as a lone {@code \ud800}) left to the server. */
    private static String raw(String type, String conversation, String fields) {
        return "{\"type\":\"" + type + "\",\"conversation\":\"" + conversation + "\"," + fields + "}";
    }

    @Test
    void aLoneSurrogateInAReplyOrANoteIsCleanedAndTheConversationGoesOn() {
        AgentClient agent = fixture.agentOnline("小林", 5);
        Customer customer = servedBy(agent);

        agent.sendRaw(raw("reply", customer.conversation(), "\"id\":\"r1\",\"ref\":\"r1\",\"text\":\"您好\\ud800\""));
        assertEquals("您好", customer.message("agent", "text").get("text").asString());
        agent.until("sent");
        agent.sendRaw(raw("note", customer.conversation(), "\"text\":\"\\udc00客户很着急\""));
        assertEquals("客户很着急", agent.until("note", customer.conversation()).get("note").get("text").asString());

        // both sockets still carry everything, both ways
        customer.say("h2", "还在吗");
        agent.until(f -> f.get("type").asString().equals("message")
                && f.get("message").get("text").asString().equals("还在吗"), "the customer's next message");
        agent.send(frame("reply", customer.conversation()).put("id", "r2").put("text", "在的"));
        assertEquals("在的", customer.message("agent", "text").get("text").asString());
        customer.socket().send(ChatClient.frame("ping"));
        customer.until(f -> f.get("type").asString().equals("pong"));
    }

    @Test
    void aBadMessageStoredEarlierStopsNoReplayAndNoTranscript(CapturedOutput log) {
        ChatClient first = ChatClient.connect(port);
        first.send(ChatClient.frame("hello").put("v", 1));
        JsonNode welcome = first.next("welcome");
        String conversation = welcome.get("conversation").asString();
        first.send(message("b1", "银行卡丢了怎么办"));
        first.next("ack");
        first.next("message");
        first.close();
        // stored before agents' text was cleaned: an agent's message with a lone surrogate, then one more
        storeAgentMessage(conversation, "您好\ud800，请稍等");
        storeAgentMessage(conversation, "已为您挂失");
        int before = log.getAll().length();

        try (ChatClient resumed = ChatClient.connect(port)) {
            resumed.send(ChatClient.frame("hello").put("v", 1).put("token", welcome.get("token").asString())
                    .put("conversation", conversation).put("lastSeq", 0));
            assertTrue(resumed.next("welcome").get("resumed").asBoolean());
            var texts = new ArrayList<String>();
            for (int i = 0; i < 4; i++) texts.add(resumed.next("message").get("text").asString());
            assertEquals("您好" + REPLACEMENT + "，请稍等", texts.get(2));
            assertEquals("已为您挂失", texts.get(3), "the replay goes on after it");
            resumed.send(ChatClient.frame("ping"));
            resumed.next("pong");

            AgentClient supervisor = fixture.signIn(fixture.newAgent("主管", 5, Set.of(Role.SUPERVISOR), Set.of()));
            supervisor.send(frame("open", conversation));
            JsonNode transcript = supervisor.until("transcript", conversation);
            List<String> shown = new ArrayList<>();
            for (JsonNode m : transcript.get("messages")) shown.add(m.get("text").asString());
            assertEquals(List.of("银行卡丢了怎么办", texts.get(1), "您好" + REPLACEMENT + "，请稍等", "已为您挂失"), shown);
        } finally {
            fixture.jdbc().sql("update conversations set status = 'closed' where id = ?").param(conversation).update();
        }
        String logged = log.getAll().substring(before);
        assertTrue(logged.contains("WARN") && logged.contains("surrogate"), logged);
        assertFalse(logged.contains("\tat "), "no stack trace: " + logged);
    }

    /** Adds an agent's message to the conversation straight in the database, as a server before the fix did. */
    private void storeAgentMessage(String conversation, String text) {
        fixture.jdbc().sql("update conversations set last_seq = last_seq + 1 where id = ?").param(conversation).update();
        long seq = fixture.jdbc().sql("select last_seq from conversations where id = ?").param(conversation)
                .query(Long.class).single();
        fixture.jdbc().sql("insert into messages (conversation_id, seq, sender, kind, body, created_at, agent) "
                        + "values (?, ?, 'agent', 'text', ?, ?, '小林')")
                .params(conversation, seq, text, OffsetDateTime.now()).update();
    }

    @Test
    void aReplySentAgainWithItsIdIsStoredAndDeliveredOnceAlsoAfterAReconnect() {
        AgentClient agent = fixture.agentOnline("小董", 5);
        Customer customer = servedBy(agent);
        var reply = frame("reply", customer.conversation()).put("id", "once").put("text", "您好，请问有什么可以帮您？");

        agent.send(reply.put("ref", "first"));
        assertEquals("您好，请问有什么可以帮您？", customer.message("agent", "text").get("text").asString());
        agent.until(f -> f.get("type").asString().equals("sent") && f.get("ref").asString().equals("first"), "sent");
        agent.send(reply.put("ref", "again"));
        agent.until(f -> f.get("type").asString().equals("sent") && f.get("ref").asString().equals("again"),
                "sent again: it is stored");

        // the console reconnects (a second socket first, so the conversation stays with the agent) and resends
        AgentClient back = fixture.signIn(agent.username);
        agent.close();
        back.send(reply.put("ref", "after-reconnect"));
        back.until(f -> f.get("type").asString().equals("sent")
                && f.get("ref").asString().equals("after-reconnect"), "sent after the reconnect");

        assertFalse(customer.socket().drain(Duration.ofMillis(500)).stream()
                .anyMatch(f -> f.get("type").asString().equals("message")
                        && f.get("from").asString().equals("agent")), "delivered once");
        assertEquals(1L, fixture.jdbc().sql("select count(*) from messages where conversation_id = ? and sender = 'agent'")
                .param(customer.conversation()).query(Long.class).single(), "stored once");
    }
}
