package io.kefu.server.chat;

import io.kefu.qa.Reply;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.HandoffReason;
import io.kefu.qa.dialog.Turn;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.ticket.FormEffects;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The bot's side of a conversation: a customer message in, the bot's messages out. The one place that decides what
 * the bot says: the {@link Dialogue} (forms, hand-off, follow-ups, FAQ answers) with the conversation's stored state;
 * what the dialogue decided should happen (a ticket, a webhook) is carried out by {@link FormEffects}.
 */
@Component
public class BotResponder {

    /** What the bot says instead of "正在为您转接" when the deployment switched that hand-off trigger off. */
    static final OutgoingMessage NOT_OFFERED = new OutgoingMessage("none",
            "抱歉，当前暂不支持转接人工客服。您可以换个说法再问我，我会尽力为您解答。", List.of(), List.of());

    private final Dialogue dialogue;
    private final FormEffects effects;
    private final ChatStore store;
    private final JsonMapper json;
    private final KefuProperties.Triggers triggers;

    BotResponder(Dialogue dialogue, FormEffects effects, ChatStore store, JsonMapper json, KefuProperties properties) {
        this.dialogue = dialogue;
        this.effects = effects;
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
        Turn turn = dialogue.respond(state, text, chosenEntry);
        Reply reply = turn.reply();
        var decision = new BotDecision(turn.handoff() != null ? "handoff" : reply.kind().wireName(),
                reply.question() == null ? null : reply.id(), reply.score(), reply.trace().decidedBy(),
                reply.trace().micros());
        HandoffReason handoff = turn.handoff() != null && enabled(turn.handoff()) ? turn.handoff() : null;
        var messages = effects.carryOut(turn, conversation.id()).stream()
                .map(m -> m.kind() == BotMessage.Kind.HANDOFF && handoff == null ? NOT_OFFERED : outgoing(m)).toList();
        return new BotTurn(messages, decision, json.writeValueAsString(turn.state()), handoff);
    }

    /** The bot starts a form by itself (e.g. taking a message when no agent is available). */
    BotTurn begin(String conversationId, String formIntent) {
        DialogueState state = store.dialogueState(conversationId).map(this::parse).orElse(DialogueState.start());
        Turn turn = dialogue.begin(state, formIntent);
        return new BotTurn(effects.carryOut(turn, conversationId).stream().map(BotResponder::outgoing).toList(), null,
                json.writeValueAsString(turn.state()), null);
    }

    private boolean enabled(HandoffReason reason) {
        return switch (reason) {
            case COMPLAINT -> triggers.complaint();
            case FORM_FAILED -> triggers.formFailed();
            case NO_ANSWER -> triggers.misses();
            case REQUEST -> triggers.request();
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
        return new OutgoingMessage(message.kind().wireName(), message.text(), message.suggestions(),
                message.quickReplies());
    }
}
