package io.kefu.qa.decide;

import io.kefu.qa.rank.RankedCandidate;

import java.util.List;

/**
 * Stage 6: turns ranked candidates into a decision: answer the best one, offer the best few as
 * "您是不是想问", or decline.
 */
public final class ReplyDecider {

    /** How many suggestions a clarification offers. */
    public static final int SUGGESTIONS = 3;

    private final Thresholds thresholds;

    public ReplyDecider(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** What to do, and which rule said so (for the trace). */
    public record Decision(Verdict verdict, String rule, List<RankedCandidate> suggestions) {
        public Decision {
            suggestions = List.copyOf(suggestions);
        }
    }

    public enum Verdict { ANSWER, CLARIFY, NONE }

    public Decision decide(List<RankedCandidate> ranked) {
        if (ranked.isEmpty()) return new Decision(Verdict.NONE, "no candidate", List.of());
        double best = ranked.get(0).score();
        double runnerUp = ranked.size() > 1 ? ranked.get(1).score() : 0;
        List<RankedCandidate> plausible = ranked.stream()
                .filter(c -> c.score() >= thresholds.clarify()).limit(SUGGESTIONS).toList();
        if (best >= thresholds.answer() && best - runnerUp >= thresholds.margin()) {
            return new Decision(Verdict.ANSWER, "score above answer threshold", others(ranked, 1));
        }
        if (best >= thresholds.answer()) {
            return new Decision(Verdict.CLARIFY, "top candidates too close", plausible);
        }
        if (best >= thresholds.clarify()) {
            return new Decision(Verdict.CLARIFY, "score in clarify band", plausible);
        }
        return new Decision(Verdict.NONE, "score below clarify threshold", List.of());
    }

    /** After an answer, the next plausible entries are still offered as related questions. */
    private List<RankedCandidate> others(List<RankedCandidate> ranked, int skip) {
        return ranked.stream().skip(skip).filter(c -> c.score() >= thresholds.clarify()).limit(SUGGESTIONS).toList();
    }

    public Thresholds thresholds() {
        return thresholds;
    }
}
