package io.kefu.qa.decide;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Suggestion;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.rank.RankedCandidate;

import java.util.List;

/** Turns the decision stage's verdict into the public {@link Reply}. */
final class ReplyComposer {

    private ReplyComposer() {
    }

    /** Prefix of the {@link Reply#id()} of an intent's fixed reply, e.g. {@code intent:greeting}. */
    static final String INTENT_ID_PREFIX = "intent:";

    /** @param intentReply the fixed reply text of the deciding intent, empty if it has none */
    static Reply compose(ReplyDecider.Decision decision, List<RankedCandidate> ranked, String intentReply, Trace trace) {
        double score = ranked.isEmpty() ? 0 : ranked.get(0).score();
        List<Suggestion> suggestions = decision.suggestions().stream()
                .map(c -> new Suggestion(c.entry().id(), c.entry().question())).toList();
        IntentMatch intent = decision.intent();
        return switch (decision.verdict()) {
            case ANSWER -> {
                FaqEntry best = ranked.get(0).entry();
                yield new Reply(ReplyKind.ANSWER, best.id(), best.question(), best.answer(), score, suggestions,
                        intent, trace);
            }
            case CLARIFY -> new Reply(ReplyKind.CLARIFY, null, null, null, score, suggestions, intent, trace);
            case NONE -> new Reply(ReplyKind.NONE, null, null, null, score, List.of(), intent, trace);
            case INTENT -> switch (decision.route()) {
                case REPLY -> new Reply(ReplyKind.ANSWER, INTENT_ID_PREFIX + intent.intent(), null, intentReply,
                        intent.coverage(), List.of(), intent, trace);
                case HANDOFF -> new Reply(ReplyKind.HANDOFF, null, null, null, intent.coverage(), List.of(), intent, trace);
                case FORM -> new Reply(ReplyKind.FORM, null, null, null, intent.coverage(), List.of(), intent, trace);
                case CONTEXT -> throw new IllegalStateException("context-only intents never decide a reply");
            };
        };
    }
}
