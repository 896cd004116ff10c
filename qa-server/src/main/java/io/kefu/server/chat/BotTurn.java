package io.kefu.server.chat;

import java.util.List;

/**
 * The bot's response to one customer message.
 *
 * @param messages what to send, in order (may be empty)
 * @param decision what was decided, for the decision log; {@code null} when nothing was matched
 * @param state    the dialogue state to store with the conversation (JSON), {@code null} to keep it
 * @param handoff  why a person should take over (human, complaint, form_failed, no_answer), or {@code null}
 */
public record BotTurn(List<OutgoingMessage> messages, BotDecision decision, String state, String handoff) {

    public BotTurn {
        messages = List.copyOf(messages);
    }
}
