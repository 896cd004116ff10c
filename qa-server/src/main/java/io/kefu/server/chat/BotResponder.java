package io.kefu.server.chat;

import io.kefu.qa.Reply;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.Turn;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's side of a conversation: a customer message in, the bot's messages out. The one place that decides what
 * the bot says: the {@link Dialogue} (forms, hand-off, follow-ups, FAQ answers) with the conversation's stored state.
 */
@Component
public class BotResponder {

    /** The text the 转人工 buttons send. */
    public static final String HANDOFF_REQUEST = "转人工";

    /**
     * Until agents can sign in and take conversations over, a hand-off gets an honest notice instead of the
     * dialogue's "正在为您转接" (which would leave the customer waiting for nobody).
     */
    static final OutgoingMessage NO_AGENTS_YET = new OutgoingMessage("handoff",
            "已收到您的转人工请求。人工客服暂未上线，请您先描述问题，智能客服会尽力为您解答。", java.util.List.of(),
            java.util.List.of());

    private final Dialogue dialogue;
    private final ChatStore store;
    private final JsonMapper json;

    BotResponder(Dialogue dialogue, ChatStore store, JsonMapper json) {
        this.dialogue = dialogue;
        this.store = store;
        this.json = json;
    }

    /**
     * @param conversation the conversation the message belongs to
     * @param text         what the customer typed or clicked
     */
    public BotTurn respond(Conversation conversation, String text) {
        Turn turn = dialogue.respond(state(conversation), text, conversation.id());
        Reply reply = turn.reply();
        var decision = new BotDecision(turn.handoff() != null ? "handoff" : reply.kind().wireName(),
                reply.question() == null ? null : reply.id(), reply.score(), reply.trace().decidedBy(),
                reply.trace().micros());
        var messages = turn.messages().stream()
                .map(m -> m.kind().equals("handoff") ? NO_AGENTS_YET : outgoing(m)).toList();
        return new BotTurn(messages, decision, json.writeValueAsString(turn.state()), turn.handoff());
    }

    private DialogueState state(Conversation conversation) {
        return store.dialogueState(conversation.id()).map(this::parse).orElse(DialogueState.start());
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
