package io.kefu.qa;

import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.rank.RankedCandidate;

import java.util.List;

/** Turns the decision stage's verdict into the public {@link Reply}. */
final class ReplyComposer {

    private ReplyComposer() {
    }

    static Reply compose(ReplyDecider.Decision decision, List<RankedCandidate> ranked, Trace trace) {
        double score = ranked.isEmpty() ? 0 : ranked.get(0).score();
        List<Suggestion> suggestions = decision.suggestions().stream()
                .map(c -> new Suggestion(c.entry().id(), c.entry().question())).toList();
        return switch (decision.verdict()) {
            case ANSWER -> {
                FaqEntry best = ranked.get(0).entry();
                yield new Reply(ReplyKind.ANSWER, best.id(), best.question(), best.answer(), score, suggestions, trace);
            }
            case CLARIFY -> new Reply(ReplyKind.CLARIFY, null, null, null, score, suggestions, trace);
            case NONE -> new Reply(ReplyKind.NONE, null, null, null, score, List.of(), trace);
        };
    }
}
