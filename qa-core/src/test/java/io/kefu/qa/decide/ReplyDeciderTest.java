package io.kefu.qa.decide;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.Intent;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.rank.RankedCandidate;
import io.kefu.qa.rank.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplyDeciderTest {

    private final ReplyDecider decider = new ReplyDecider(new Thresholds(0.6, 0.3, 0.1), List.of());

    private static RankedCandidate candidate(String id, double score) {
        return new RankedCandidate(FaqEntry.of(id, "问题" + id, "答案"), "问题" + id, 1, score);
    }

    @Test
    void answersAClearWinner() {
        var decision = decider.decide(List.of(candidate("a", 0.9), candidate("b", 0.4), candidate("c", 0.1)));
        assertEquals(ReplyDecider.Verdict.ANSWER, decision.verdict());
        assertEquals(List.of("b"), decision.suggestions().stream().map(c -> c.entry().id()).toList());
    }

    @Test
    void clarifiesWhenTheTopTwoAreClose() {
        var decision = decider.decide(List.of(candidate("a", 0.82), candidate("b", 0.78), candidate("c", 0.5),
                candidate("d", 0.45)));
        assertEquals(ReplyDecider.Verdict.CLARIFY, decision.verdict());
        assertEquals(List.of("a", "b", "c"), decision.suggestions().stream().map(c -> c.entry().id()).toList());
    }

    @Test
    void clarifiesInTheMiddleBand() {
        assertEquals(ReplyDecider.Verdict.CLARIFY, decider.decide(List.of(candidate("a", 0.5))).verdict());
    }

    @Test
    void declinesBelowTheClarifyThreshold() {
        var decision = decider.decide(List.of(candidate("a", 0.2), candidate("b", 0.1)));
        assertEquals(ReplyDecider.Verdict.NONE, decision.verdict());
        assertEquals(List.of(), decision.suggestions());
        assertEquals(ReplyDecider.Verdict.NONE, decider.decide(List.of()).verdict());
    }

    private static ReplyDecider.RoutedIntent intent(String name, IntentRoute route, double coverage, boolean exact) {
        return new ReplyDecider.RoutedIntent(new IntentMatch(name, "t", 10, java.util.Map.of(), coverage, exact), route);
    }

    @Test
    void anExactTemplateWinsOverAConfidentFaqMatch() {
        var decision = decider.decide(List.of(intent("human", IntentRoute.HANDOFF, 1, true)),
                List.of(candidate("a", 0.95)));
        assertEquals(ReplyDecider.Verdict.INTENT, decision.verdict());
        assertEquals(IntentRoute.HANDOFF, decision.route());
    }

    @Test
    void aPartialTemplateWinsOnlyOverAnUncertainFaqMatch() {
        var partial = List.of(intent("fault_report", IntentRoute.FORM, 0.7, false));
        assertEquals(ReplyDecider.Verdict.INTENT, decider.decide(partial, List.of(candidate("a", 0.4))).verdict());
        assertEquals(ReplyDecider.Verdict.ANSWER, decider.decide(partial, List.of(candidate("a", 0.9))).verdict());
        var small = List.of(intent("fault_report", IntentRoute.FORM, 0.3, false));
        assertEquals(ReplyDecider.Verdict.CLARIFY, decider.decide(small, List.of(candidate("a", 0.4))).verdict());
    }

    @Test
    void dialogueWordsNeverDecideButAreReported() {
        var cancel = List.of(intent("cancel", IntentRoute.CONTEXT, 1, true));
        var alone = decider.decide(cancel, List.of(candidate("a", 0.4)));
        assertEquals(ReplyDecider.Verdict.NONE, alone.verdict());
        assertEquals("cancel", alone.intent().intent());
        assertEquals(ReplyDecider.Verdict.ANSWER, decider.decide(cancel, List.of(candidate("a", 0.9))).verdict());
    }

    private static Trace trace(String rule) {
        return new Trace("", List.of(), java.util.Set.of(), List.of(), rule, 0);
    }

    @Test
    void composesTheReplyOfTheDecidingIntentOrEntryWithTheRuleInItsTrace() {
        var greeting = new Intent("greeting", 10, List.of(), "您好，请问有什么可以帮您？", java.util.Map.of(), "test");
        var withIntents = new ReplyDecider(new Thresholds(0.6, 0.3, 0.1), List.of(greeting));
        Reply hello = withIntents.decide(List.of(new IntentMatch("greeting", "你好", 10, java.util.Map.of(), 1, true)),
                List.of(candidate("a", 0.2)), ReplyDeciderTest::trace);
        assertEquals(ReplyKind.ANSWER, hello.kind());
        assertEquals("intent:greeting", hello.id());
        assertEquals("您好，请问有什么可以帮您？", hello.answer());
        assertEquals("exact template 你好", hello.trace().decidedBy());

        Reply answer = withIntents.decide(List.of(), List.of(candidate("a", 0.9), candidate("b", 0.4)),
                ReplyDeciderTest::trace);
        assertEquals("a", answer.id());
        assertEquals("答案", answer.answer());
        assertEquals(List.of("b"), answer.suggestions().stream().map(s -> s.id()).toList());
        assertEquals("score above answer threshold", answer.trace().decidedBy());
    }

    @Test
    void rejectsInconsistentThresholds() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Thresholds(0.3, 0.6, 0));
    }
}
