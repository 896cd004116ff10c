package io.kefu.server.chat;

import java.util.List;

/**
 * The bot's response to one customer message.
 *
 * @param messages what to send, in order (may be empty)
 * @param decision what was decided, for the decision log; {@code null} when nothing was matched
 */
public record BotTurn(List<OutgoingMessage> messages, BotDecision decision) {

    public BotTurn {
        messages = List.copyOf(messages);
    }
}
