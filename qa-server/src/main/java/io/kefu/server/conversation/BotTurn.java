package io.kefu.server.conversation;

import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.HandoffReason;

import java.util.List;

/**
 * The bot's response to one customer message, before its messages are numbered and stored.
 *
 * @param messages what to send, in order (may be empty)
 * @param decision what was decided, for the decision log; {@code null} when the server started a form itself
 *                 (no customer message was decided on)
 * @param state    the dialogue state to store with the conversation, {@code null} to keep it
 * @param handoff  why a person should take over, or {@code null}
 */
record BotTurn(List<BotMessage> messages, BotDecision decision, DialogueState state, HandoffReason handoff) {

    BotTurn {
        messages = List.copyOf(messages);
    }

    /** Whether the bot answered a standard question of the knowledge base. */
    boolean clearAnswer() {
        return handoff == null && decision != null && "answer".equals(decision.kind()) && decision.matchedId() != null;
    }

    /**
     * The turn for a customer in the queue: the bot keeps quiet but for clear answers, asks for nothing, and does
     * not escalate again; what it understood is still logged, and the agent sees the message.
     */
    BotTurn whileWaiting() {
        return new BotTurn(List.of(CustomerTexts.WAITING_NOTICE), decision, null, null);
    }
}
