package io.kefu.qa.dialog;

import io.kefu.qa.Reply;

import java.util.List;

/**
 * The bot's side of one exchange, decided but not carried out.
 *
 * @param messages what to send, in order; a turn that completes a form is followed by its effect's confirmation,
 *                 which only the party that carries the effect out can compose (it names the ticket)
 * @param state    the dialogue state to keep for the next message
 * @param handoff  why a person should take over now, or {@code null}
 * @param effects  what should happen outside the dialogue (a ticket to record, a webhook to call), in order
 * @param reply    the matching pipeline's reply to the message, for logging the bot's decision; {@code null} when
 *                 the server began a form itself
 */
public record Turn(List<BotMessage> messages, DialogueState state, HandoffReason handoff,
                   List<DialogueEffect> effects, Reply reply) {

    public Turn {
        messages = List.copyOf(messages);
        effects = List.copyOf(effects);
    }

    static Turn of(List<BotMessage> messages, DialogueState state, Reply reply) {
        return new Turn(messages, state, null, List.of(), reply);
    }
}
