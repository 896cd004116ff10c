package io.kefu.server.chat;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.dialog.FormDefinition;
import io.kefu.qa.intent.Intent;
import io.kefu.server.ticket.JdbcTicketStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The development conversations of the demo content ({@code knowledge/dev/conversations.yaml}, never the
 * {@code -final} slice) played over the real customer socket, each by a new visitor, turn after turn; the share of
 * turns the bot handles as labelled must reach the floor kept beside them ({@code knowledge/dev/expected.yaml}).
 * A turn's outcome is read from what the customer receives first after the message's ack (answers and prompts
 * by their text in the content), and a completed form from the ticket the server recorded. {@code qa-eval}'s {@code conversations} command plays the same file
 * through the dialogue alone and prints the errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.handoff.hours=MON-SUN 00:00-24:00")
class DevConversationsIT {

    static final Path DEV = Path.of("..", "knowledge", "dev");
    static final Path TEXTS = Path.of("..", "knowledge", "src", "main", "resources", "knowledge", "texts.yaml");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeFolder knowledge;

    @Autowired
    JdbcTicketStore tickets;

    @Test
    void theDevelopmentConversationsReachTheirFloorOverTheSocket() throws Exception {
        double floor = YAML.readTree(DEV.resolve("expected.yaml").toFile()).path("floors")
                .path("conversation_turns_right").asDouble(Double.NaN);
        assertTrue(floor > 0, "knowledge/dev/expected.yaml has floors.conversation_turns_right");
        var outcomes = new Outcomes(knowledge);
        int turns = 0;
        int right = 0;
        var wrong = new ArrayList<String>();
        for (JsonNode conversation : YAML.readTree(DEV.resolve("conversations.yaml").toFile())) {
            try (ChatClient client = ChatClient.connect(port)) {
                client.send(ChatClient.frame("hello").put("v", 1));
                String id = client.next("welcome").get("conversation").asString();
                String lastPrompt = null;
                String previous = "";
                int n = 0;
                for (JsonNode turn : conversation.path("turns")) {
                    String say = turn.path("say").asString();
                    String clientId = "t" + ++n;
                    client.send(message(clientId, say));
                    JsonNode reply = firstBotMessage(client, clientId);
                    String got = outcomes.of(reply, lastPrompt, previous, id);
                    previous = got;
                    lastPrompt = "prompt".equals(reply.path("kind").asString()) ? reply.path("text").asString() : null;
                    String expected = turn.path("expect").asString();
                    turns++;
                    if (outcomes.meets(got, expected, reply)) {
                        right++;
                    } else {
                        wrong.add(conversation.path("id").asString() + "#" + n + " " + say + ": expected " + expected
                                + ", got " + got);
                    }
                }
            }
        }
        double share = (double) right / turns;
        System.out.printf("development conversations over the socket: %d of %d turns right (%.3f)%n%s%n", right,
                turns, share, String.join("\n", wrong));
        assertTrue(share >= floor, "turns right " + share + " under the floor " + floor + ":\n" + String.join("\n", wrong));
    }

    /** Skips what is left of the previous turn, then the ack of this message; the bot's first message after it. */
    private static JsonNode firstBotMessage(ChatClient client, String clientId) {
        JsonNode frame = client.next();
        while (!("ack".equals(frame.path("type").asString()) && clientId.equals(frame.path("id").asString()))) {
            frame = client.next();
        }
        frame = client.next();
        while (!("message".equals(frame.path("type").asString()) && "bot".equals(frame.path("from").asString()))) {
            frame = client.next();
        }
        return frame;
    }

    /** Reads a bot message as an outcome of the development sets, with the content and what the server recorded. */
    private final class Outcomes {
        private final Map<String, String> byAnswer = new HashMap<>();
        private final Map<String, String> promptOf = new HashMap<>();
        private final Map<String, String> invalidOf = new HashMap<>();
        /** What the bundled content's dialogue says by itself (it sets every text these outcomes need). */
        private final JsonNode texts = YAML.readTree(TEXTS.toFile());

        Outcomes(KnowledgeFolder folder) {
            for (FaqEntry entry : folder.faq().entries()) byAnswer.put(entry.answer(), "faq:" + entry.id());
            for (Intent intent : folder.intents().intents()) {
                if (!intent.reply().isBlank()) byAnswer.putIfAbsent(intent.reply(), "intent:" + intent.name());
            }
            for (FormDefinition form : folder.forms()) {
                for (FormDefinition.FormSlot slot : form.slots()) {
                    promptOf.put(slot.prompt(), form.intent());
                    invalidOf.putIfAbsent(slot.invalid(), form.intent());
                }
            }
        }

        /**
         * @param lastPrompt the form's question the previous turn ended with, or null
         * @param previous   the previous turn's outcome: a request for a person and the hand-off after a second
         *                   message without an answer are told the same; the second follows a turn without one
         */
        String of(JsonNode reply, String lastPrompt, String previous, String conversation) {
            String text = reply.path("text").asString();
            return switch (reply.path("kind").asString()) {
                case "answer" -> byAnswer.getOrDefault(text, "answer:?");
                case "clarify" -> "clarify";
                case "none" -> "none";
                case "prompt" -> text.equals(lastPrompt) || (invalidOf.containsKey(text) && !promptOf.containsKey(text))
                        ? "form_prompt" : "form:" + promptOf.getOrDefault(text, "?");
                case "done" -> {
                    List<String> intents = tickets.intentsOf(conversation);
                    yield "form_done:" + (intents.isEmpty() ? "?" : intents.get(intents.size() - 1));
                }
                case "notice" -> "form_cancelled";
                case "handoff" -> text.equals(texts.path("handoff_complaint").asString()) ? "handoff:complaint"
                        : text.equals(texts.path("form_failed").asString()) ? "handoff:form_failed"
                        : previous.equals("none") ? "handoff:no_answer" : "handoff:human";
                default -> reply.path("kind").asString();
            };
        }

        /** A clarification is right when it offers the expected entry. */
        boolean meets(String got, String expected, JsonNode reply) {
            if (!expected.startsWith("clarify:")) return got.equals(expected);
            String id = expected.substring("clarify:".length());
            if (!got.equals("clarify")) return false;
            for (JsonNode suggestion : reply.path("suggestions")) {
                if (id.equals(suggestion.path("id").asString())) return true;
            }
            return false;
        }
    }
}
