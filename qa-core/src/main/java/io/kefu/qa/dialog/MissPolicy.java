package io.kefu.qa.dialog;

import io.kefu.qa.Reply;

import java.util.List;

/**
 * Messages in a row that get no answer: each is told so, and the one that reaches the limit hands the conversation
 * to a person instead. An answer, a clarification, a form or a hand-off starts the count again.
 */
final class MissPolicy {

    private final int maxMisses;
    private final Messages messages;

    /** @param maxMisses unanswered messages in a row before a person takes over; 0 never */
    MissPolicy(int maxMisses, Messages messages) {
        this.maxMisses = maxMisses;
        this.messages = messages;
    }

    Turn missed(DialogueState state, Reply reply, List<BotMessage> out) {
        int misses = state.misses() + 1;
        if (maxMisses > 0 && misses >= maxMisses) {
            out.add(messages.handoff(HandoffReason.NO_ANSWER));
            return new Turn(out, state.withMisses(0), HandoffReason.NO_ANSWER, List.of(), reply);
        }
        out.add(messages.notFound());
        return Turn.of(out, state.withMisses(misses), reply);
    }
}
