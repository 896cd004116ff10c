package io.kefu.qa;

import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.rank.RankedCandidate;

import java.util.List;

/** Turns the decision stage's verdict into the public {@link Reply}. */
final class ReplyComposer {

    private ReplyComposer() {
    }

    /** Prefix of the {@link Reply#id()} of an intent's fixed reply, e.g. {@code intent:greeting}. */
    static final String INTENT_ID_PREFIX = "intent:";

    /**
     * The answer of an entry the customer chose; the score is the ranker's for that entry when it was among the
     * candidates of the button's text, otherwise 0 (the bot did not find it, the customer did).
     */
    static Reply chosen(FaqEntry entry, Reply asked) {
        Trace trace = asked.trace();
        double score = trace.candidates().stream().filter(c -> c.id().equals(entry.id()))
                .mapToDouble(Trace.Candidate::score).findFirst().orElse(0);
        List<Suggestion> others = asked.suggestions().stream().filter(s -> !s.id().equals(entry.id())).toList();
        return new Reply(ReplyKind.ANSWER, entry.id(), entry.question(), entry.answer(), score, others, null,
                new Trace(trace.normalized(), trace.tokens(), trace.keywords(), trace.candidates(), Trace.CHOSEN,
                        trace.micros()));
    }

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
