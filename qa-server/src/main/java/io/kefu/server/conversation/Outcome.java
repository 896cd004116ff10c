package io.kefu.server.conversation;

import io.kefu.qa.dialog.HandoffReason;

import java.util.List;

/**
 * What became of a customer's message, once it was stored, answered, delivered and escalated.
 *
 * @param received the customer's message as stored (numbered)
 * @param duplicate the message was stored before under its client id (a resend)
 * @param answered whether the bot answered it now (a message to an agent, or one answered before, is not)
 * @param replies  the bot's messages, stored and delivered to the customer; empty when it had nothing new to say
 * @param handoff  why the conversation was handed to a person now, or {@code null}
 */
public record Outcome(StoredMessage received, boolean duplicate, boolean answered, List<StoredMessage> replies,
                      HandoffReason handoff) {

    public Outcome {
        replies = List.copyOf(replies);
    }
}
