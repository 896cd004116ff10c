package io.kefu.qa.dialog;

import io.kefu.qa.Reply;

import java.util.List;

/**
 * The bot's side of one exchange.
 *
 * @param messages what to send, in order
 * @param state    the dialogue state to keep for the next message
 * @param handoff  why a person should take over now (human, complaint, form_failed, no_answer), or {@code null}
 * @param ticket   the ticket a completed form recorded, or {@code null}
 * @param reply    the matching pipeline's reply to the message, for logging the bot's decision
 */
public record Turn(List<BotMessage> messages, DialogueState state, String handoff, Ticket ticket, Reply reply) {

    public Turn {
        messages = List.copyOf(messages);
    }
}
