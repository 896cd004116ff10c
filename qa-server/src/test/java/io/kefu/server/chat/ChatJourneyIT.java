package io.kefu.server.chat;

import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.MessageStore;
import io.kefu.server.conversation.Sender;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer's whole conversation against the real server on a random port, over a real WebSocket client:
 * hello → question → answer → suggestion click → disconnect mid-conversation → resume with replay → no
 * duplicates → rate → close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    @Autowired
    ConversationStore conversations;

    @Test
    void aConversationSurvivesADroppedConnectionWithoutLosingOrDuplicatingAMessage() throws Exception {
        // hello: a new visitor gets a secret token, a conversation, the greeting and the quick buttons
        ChatClient first = ChatClient.connect(port);
        first.send(frame("hello").put("v", 1));
        JsonNode welcome = first.next("welcome");
        String token = welcome.get("token").asString();
        String conversation = welcome.get("conversation").asString();
        assertTrue(token.length() >= 32, welcome.toString());
        assertFalse(welcome.get("resumed").asBoolean());
        assertTrue(welcome.get("greeting").asString().contains("您好"), welcome.toString());
        assertTrue(welcome.get("quickReplies").size() > 0, welcome.toString());
        assertEquals(0, welcome.get("seq").asLong());

        // question → ack (stored) → typing → the bot's answer with related questions as suggestions
        first.send(message("c1", "银行卡丢了怎么办"));
        JsonNode ack = first.next("ack");
        assertEquals("c1", ack.get("id").asString());
        assertEquals(1, ack.get("seq").asLong());
        assertFalse(ack.get("duplicate").asBoolean());
        JsonNode typing = first.next();
        assertEquals("typing", typing.get("type").asString(), typing.toString());
        assertEquals("bot", typing.get("from").asString());
        JsonNode answer = first.next("message");
        assertEquals(2, answer.get("seq").asLong());
        assertEquals("bot", answer.get("from").asString());
        assertEquals(1, answer.get("replyTo").asLong());
        assertEquals("answer", answer.get("kind").asString(), answer.toString());
        assertTrue(answer.get("text").asString().length() > 5, answer.toString());
        JsonNode suggestion = answer.get("suggestions").get(0);

        // suggestion click: the suggested standard question is sent and answered
        first.send(message("c2", suggestion.get("question").asString()).put("suggestion", suggestion.get("id").asString()));
        assertEquals(3, first.next("ack").get("seq").asLong());
        JsonNode clicked = first.next("message");
        assertEquals(4, clicked.get("seq").asLong());
        assertEquals("answer", clicked.get("kind").asString(), clicked.toString());
        MessageStore.LoggedDecision choice = store.decision(conversation, 3).orElseThrow();
        assertEquals(suggestion.get("id").asString(), choice.matchedId(), "the clicked standard question is answered");
        assertEquals("chosen", choice.stage(), "decided by the click, not by matching the text again");

        // the network drops right after the customer sent a question, before the answer arrives
        first.send(message("c3", "手机停机了怎么办"));
        first.abort();
        awaitReplyStoredTo(conversation, "c3");

        // resume with the token and the last sequence number seen: everything after it is replayed
        ChatClient second = ChatClient.connect(port);
        second.send(frame("hello").put("v", 1).put("token", token).put("conversation", conversation).put("lastSeq", 4));
        JsonNode resumed = second.next("welcome");
        assertTrue(resumed.get("resumed").asBoolean(), resumed.toString());
        assertEquals(conversation, resumed.get("conversation").asString());
        assertEquals(token, resumed.get("token").asString());
        JsonNode replayedQuestion = second.next("message");
        assertEquals(5, replayedQuestion.get("seq").asLong());
        assertEquals("customer", replayedQuestion.get("from").asString());
        assertEquals("c3", replayedQuestion.get("id").asString());
        JsonNode replayedAnswer = second.next("message");
        assertEquals(6, replayedAnswer.get("seq").asLong());
        assertEquals(5, replayedAnswer.get("replyTo").asLong());

        // the client's offline queue resends c3, unsure whether it arrived: acknowledged again, stored once
        second.send(message("c3", "手机停机了怎么办"));
        JsonNode again = second.next("ack");
        assertEquals(5, again.get("seq").asLong());
        assertTrue(again.get("duplicate").asBoolean());
        assertTrue(second.drain(Duration.ofMillis(500)).isEmpty(), "a duplicate is not answered twice");

        // a personal number: kept as typed in the transcript, masked in the decision log
        second.send(message("c4", "我的手机号13812345678话费怎么查"));
        assertEquals(7, second.next("ack").get("seq").asLong());
        assertEquals(8, second.next("message").get("seq").asLong());
        assertEquals("我的手机号13812345678话费怎么查",
                store.byClientId(conversation, Sender.CUSTOMER, "c4").orElseThrow().text());
        String logged = store.decision(conversation, 7).orElseThrow().question();
        assertEquals("我的手机号138****5678话费怎么查", logged);

        // no duplicates: a full replay has every sequence number once and every customer message once
        try (ChatClient third = ChatClient.connect(port)) {
            third.send(frame("hello").put("v", 1).put("token", token).put("conversation", conversation));
            assertTrue(third.next("welcome").get("resumed").asBoolean());
            List<JsonNode> transcript = third.drain(Duration.ofMillis(700));
            assertEquals(8, transcript.size(), transcript.toString());
            Set<String> customerIds = new HashSet<>();
            for (int i = 0; i < transcript.size(); i++) {
                assertEquals(i + 1, transcript.get(i).get("seq").asLong(), transcript.toString());
                if (transcript.get(i).get("from").asString().equals("customer")) {
                    assertTrue(customerIds.add(transcript.get(i).get("id").asString()), transcript.toString());
                }
            }
            assertEquals(Set.of("c1", "c2", "c3", "c4"), customerIds);
        }

        // a guessed conversation id with a wrong token gets a fresh conversation and sees nothing
        try (ChatClient intruder = ChatClient.connect(port)) {
            intruder.send(frame("hello").put("v", 1).put("token", "guessed-token").put("conversation", conversation));
            JsonNode other = intruder.next("welcome");
            assertNotEquals(conversation, other.get("conversation").asString());
            assertFalse(other.get("resumed").asBoolean());
            assertNotEquals(token, other.get("token").asString());
            assertTrue(intruder.drain(Duration.ofMillis(300)).isEmpty());
        }

        // rating is for ended conversations; close ends it with a notice; then rate
        second.send(frame("rate").put("stars", 5));
        second.error("not_closed");
        second.send(frame("close"));
        JsonNode closed = second.next("message");
        assertEquals("system", closed.get("from").asString());
        assertEquals("closed", closed.get("kind").asString());
        assertEquals(9, closed.get("seq").asLong());
        second.send(frame("rate").put("stars", 5).put("comment", "回答很及时"));
        assertEquals(5, second.next("rated").get("stars").asInt());
        assertEquals(5, conversations.stars(conversation).orElseThrow());
        second.send(message("c5", "还在吗"));
        assertEquals("c5", second.error("conversation_closed").get("id").asString());

        // the same visitor coming back starts a new conversation
        second.close();
        try (ChatClient back = ChatClient.connect(port)) {
            back.send(frame("hello").put("v", 1).put("token", token).put("conversation", conversation));
            JsonNode fresh = back.next("welcome");
            assertFalse(fresh.get("resumed").asBoolean());
            assertEquals(token, fresh.get("token").asString());
            assertNotEquals(conversation, fresh.get("conversation").asString());
        }
    }

    private void awaitReplyStoredTo(String conversation, String clientId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var question = store.byClientId(conversation, Sender.CUSTOMER, clientId);
            if (question.isPresent() && store.hasReplyTo(conversation, question.get().seq())) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the server never stored the answer to " + clientId);
    }
}
