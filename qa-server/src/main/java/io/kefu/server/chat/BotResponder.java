package io.kefu.server.chat;

import io.kefu.qa.Reply;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.Turn;
import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The bot's side of a conversation: a customer message in, the bot's messages out. The one place that decides what
 * the bot says: the {@link Dialogue} (forms, hand-off, follow-ups, FAQ answers) with the conversation's stored state.
 */
@Component
public class BotResponder {

    /** What the bot says instead of "正在为您转接" when the deployment switched that hand-off trigger off. */
    static final OutgoingMessage NOT_OFFERED = new OutgoingMessage("none",
            "抱歉，当前暂不支持转接人工客服。您可以换个说法再问我，我会尽力为您解答。", List.of(), List.of());

    private final Dialogue dialogue;
    private final ChatStore store;
    private final JsonMapper json;
    private final KefuProperties.Triggers triggers;

    BotResponder(Dialogue dialogue, ChatStore store, JsonMapper json, KefuProperties properties) {
        this.dialogue = dialogue;
        this.store = store;
        this.json = json;
        this.triggers = properties.handoff().triggers();
    }

    /**
     * @param conversation the conversation the message belongs to
     * @param text         what the customer typed or clicked
     * @param chosenEntry  the standard question of the suggestion button clicked, {@code null} for typed text
     * @param storedState  the stored dialogue state (JSON), {@code null} for a conversation without one yet
     */
    BotTurn respond(Conversation conversation, String text, String chosenEntry, String storedState) {
        DialogueState state = storedState == null ? DialogueState.start() : parse(storedState);
        Turn turn = dialogue.respond(state, text, chosenEntry, conversation.id());
        Reply reply = turn.reply();
        var decision = new BotDecision(turn.handoff() != null ? "handoff" : reply.kind().wireName(),
                reply.question() == null ? null : reply.id(), reply.score(), reply.trace().decidedBy(),
                reply.trace().micros());
        String handoff = turn.handoff() != null && enabled(turn.handoff()) ? turn.handoff() : null;
        var messages = turn.messages().stream()
                .map(m -> m.kind().equals("handoff") && handoff == null ? NOT_OFFERED : outgoing(m)).toList();
        return new BotTurn(messages, decision, json.writeValueAsString(turn.state()), handoff);
    }

    /** The bot starts a form by itself (e.g. taking a message when no agent is available). */
    BotTurn begin(String conversationId, String formIntent) {
        DialogueState state = store.dialogueState(conversationId).map(this::parse).orElse(DialogueState.start());
        Turn turn = dialogue.begin(state, formIntent, conversationId);
        return new BotTurn(turn.messages().stream().map(BotResponder::outgoing).toList(), null,
                json.writeValueAsString(turn.state()), null);
    }

    private boolean enabled(String reason) {
        return switch (reason) {
            case "complaint" -> triggers.complaint();
            case "form_failed" -> triggers.formFailed();
            case "no_answer" -> triggers.misses();
            default -> triggers.request();
        };
    }

    /** A state written by an older version that no longer reads is forgotten rather than breaking the chat. */
    private DialogueState parse(String stored) {
        try {
            return json.readValue(stored, DialogueState.class);
        } catch (JacksonException e) {
            return DialogueState.start();
        }
    }

    private static OutgoingMessage outgoing(BotMessage message) {
        return new OutgoingMessage(message.kind(), message.text(), message.suggestions(), message.quickReplies());
    }
}
