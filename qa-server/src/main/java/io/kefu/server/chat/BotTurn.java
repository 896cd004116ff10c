package io.kefu.server.chat;

import io.kefu.qa.dialog.HandoffReason;

import java.util.List;

/**
 * The bot's response to one customer message.
 *
 * @param messages what to send, in order (may be empty)
 * @param decision what was decided, for the decision log; {@code null} when the server started a form itself
 *                 (no customer message was decided on)
 * @param state    the dialogue state to store with the conversation (JSON), {@code null} to keep it
 * @param handoff  why a person should take over, or {@code null}
 */
public record BotTurn(List<OutgoingMessage> messages, BotDecision decision, String state, HandoffReason handoff) {

    /** What the bot says, instead of its own reply, to a customer waiting for an agent when it has no clear answer. */
    static final OutgoingMessage WAITING_NOTICE = new OutgoingMessage("queued",
            "您的消息已收到，人工客服接入后会第一时间查看。排队期间，您也可以继续向我提问。", List.of(), List.of());

    public BotTurn {
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
        return new BotTurn(List.of(WAITING_NOTICE), decision, null, null);
    }
}
