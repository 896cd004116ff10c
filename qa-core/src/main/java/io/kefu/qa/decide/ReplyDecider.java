package io.kefu.qa.decide;

import io.kefu.qa.Reply;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.Intent;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.rank.RankedCandidate;
import io.kefu.qa.rank.Thresholds;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stage 6: turns intent hits and ranked candidates into the reply: act on an intent, answer the best FAQ entry,
 * offer the best few as "您是不是想问", or decline.
 */
public final class ReplyDecider {

    /** How many suggestions a clarification offers. */
    static final int SUGGESTIONS = 3;

    /** A template that covers at least this share of a question outweighs an FAQ match that is not confident. */
    static final double INTENT_COVERAGE = 0.5;

    /** The order in which the routes of intent hits are tried: what the customer explicitly wants first. */
    private static final List<IntentRoute> PRECEDENCE = List.of(IntentRoute.HANDOFF, IntentRoute.FORM, IntentRoute.REPLY);

    private final Thresholds thresholds;
    private final Map<String, IntentRoute> routes;
    private final Map<String, String> intentReplies;

    /** @param intents the intents the matcher recognises: what each asks for, and its fixed reply */
    public ReplyDecider(Thresholds thresholds, List<Intent> intents) {
        this.thresholds = thresholds;
        this.routes = intents.stream().collect(Collectors.toUnmodifiableMap(Intent::name, IntentRoute::of));
        this.intentReplies = intents.stream().collect(Collectors.toUnmodifiableMap(Intent::name, Intent::reply));
    }

    /**
     * The reply to a question.
     *
     * @param hits   the intent templates found in the question, best first
     * @param ranked the ranked standard questions, best first
     * @param trace  the trace of the question, given the rule that decided
     */
    public Reply decide(List<IntentMatch> hits, List<RankedCandidate> ranked, Function<String, Trace> trace) {
        List<RoutedIntent> routed = hits.stream().map(hit -> new RoutedIntent(hit, routes.get(hit.intent()))).toList();
        Decision decision = decide(routed, ranked);
        String intentReply = decision.intent() == null ? "" : intentReplies.getOrDefault(decision.intent().intent(), "");
        return ReplyComposer.compose(decision, ranked, intentReply, trace.apply(decision.rule()));
    }

    /**
     * What to do, and which rule said so (for the trace).
     *
     * @param intent the intent that decided, for verdict INTENT; otherwise the best intent hit, if any
     */
    record Decision(Verdict verdict, String rule, List<RankedCandidate> suggestions, IntentMatch intent,
                    IntentRoute route) {
        public Decision {
            suggestions = List.copyOf(suggestions);
        }

        Decision withIntent(IntentMatch match) {
            return new Decision(verdict, rule, suggestions, match, route);
        }
    }

    enum Verdict { ANSWER, CLARIFY, NONE, INTENT }

    /**
     * Weighs the intent hits against the FAQ ranking the way a person would (docs/intents.md, "Precedence"): the
     * customer's explicit wishes first (a person, a complaint), then a request to act (a form), then a fixed reply;
     * within each, the hits in the matcher's order. A hit decides when it is the whole message; when the customer
     * demands it (帮我挂失, 我要投诉); when it is stated (太坑了, 宽带又坏了) and the FAQ has no confident answer, a
     * hand-off always and a form or a fixed reply when it covers most of the message. A question (怎么挂失, 投诉电话是
     * 多少) is the FAQ's, unless the FAQ has nothing for it.
     *
     * @param intents intent hits, best first, each with its route
     */
    Decision decide(List<RoutedIntent> intents, List<RankedCandidate> ranked) {
        Decision faq = decide(ranked);
        IntentMatch best = intents.isEmpty() ? null : intents.get(0).match();
        for (IntentRoute route : PRECEDENCE) {
            for (RoutedIntent candidate : intents) {
                if (candidate.route() != route) continue;
                String rule = ruleFor(candidate, faq.verdict());
                if (rule != null) return intentDecision(candidate, rule);
            }
        }
        if (!intents.isEmpty() && intents.get(0).route() == IntentRoute.CONTEXT && best.exact()
                && faq.verdict() != Verdict.ANSWER) {
            // 好的, 不用了 alone mean something only inside a dialogue; suggestions for them would be noise
            return new Decision(Verdict.NONE, "dialogue word outside a dialogue", List.of(), best, IntentRoute.CONTEXT);
        }
        return faq.withIntent(best);
    }

    /** The rule by which a hit decides the reply (for the trace), or null when it leaves the reply to the FAQ. */
    private static String ruleFor(RoutedIntent candidate, Verdict faq) {
        IntentMatch match = candidate.match();
        if (match.exact()) return "exact template " + match.template();
        boolean handoff = candidate.route() == IntentRoute.HANDOFF;
        boolean covers = match.coverage() >= INTENT_COVERAGE;
        return switch (match.mood()) {
            case DEMAND -> candidate.route() != IntentRoute.REPLY || (covers && faq != Verdict.ANSWER)
                    ? "asked for: " + match.template() : null;
            case STATEMENT -> faq == Verdict.ANSWER ? null
                    : handoff ? "said: " + match.template()
                    : covers ? "template covers most of the question: " + match.template() : null;
            case QUESTION -> faq == Verdict.NONE && (handoff || covers)
                    ? "a question the FAQ has nothing for: " + match.template() : null;
        };
    }

    /** An intent hit with what its intent asks for. */
    record RoutedIntent(IntentMatch match, IntentRoute route) {
    }

    private static Decision intentDecision(RoutedIntent intent, String rule) {
        return new Decision(Verdict.INTENT, rule, List.of(), intent.match(), intent.route());
    }

    /** The FAQ-only decision. */
    Decision decide(List<RankedCandidate> ranked) {
        if (ranked.isEmpty()) return faqDecision(Verdict.NONE, "no candidate", List.of());
        double best = ranked.get(0).score();
        double runnerUp = ranked.size() > 1 ? ranked.get(1).score() : 0;
        List<RankedCandidate> plausible = ranked.stream()
                .filter(c -> c.score() >= thresholds.clarify()).limit(SUGGESTIONS).toList();
        if (best >= thresholds.answer() && best - runnerUp >= thresholds.margin()) {
            return faqDecision(Verdict.ANSWER, "score above answer threshold", others(ranked, 1));
        }
        if (best >= thresholds.answer()) {
            return faqDecision(Verdict.CLARIFY, "top candidates too close", plausible);
        }
        if (best >= thresholds.clarify()) {
            return faqDecision(Verdict.CLARIFY, "score in clarify band", plausible);
        }
        return faqDecision(Verdict.NONE, "score below clarify threshold", List.of());
    }

    private static Decision faqDecision(Verdict verdict, String rule, List<RankedCandidate> suggestions) {
        return new Decision(verdict, rule, suggestions, null, null);
    }

    /** After an answer, the next plausible entries are still offered as related questions. */
    private List<RankedCandidate> others(List<RankedCandidate> ranked, int skip) {
        return ranked.stream().skip(skip).filter(c -> c.score() >= thresholds.clarify()).limit(SUGGESTIONS).toList();
    }
}
