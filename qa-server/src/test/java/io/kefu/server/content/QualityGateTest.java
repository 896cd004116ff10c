package io.kefu.server.content;

import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's arithmetic: recall@1 may drop by one point and no more; a failed must-pass question blocks. */
class QualityGateTest {

    private static List<TestQuestion> questions(int inScope, String mustPass) {
        var questions = new ArrayList<TestQuestion>();
        for (int i = 0; i < inScope; i++) {
            questions.add(new TestQuestion(i, "q" + i, "e" + i, ("q" + i).equals(mustPass)));
        }
        questions.add(new TestQuestion(inScope, "天气怎么样", null, false));
        return questions;
    }

    /** A bot that answers every question with its expected entry except those in {@code wrong} (answered "x"). */
    private static Function<String, Reply> bot(Set<String> wrong) {
        return q -> {
            if (q.equals("天气怎么样")) return reply(ReplyKind.NONE, null);
            String id = wrong.contains(q) ? "x" : "e" + q.substring(1);
            return reply(ReplyKind.ANSWER, id);
        };
    }

    private static Reply reply(ReplyKind kind, String id) {
        var candidates = id == null ? List.<Trace.Candidate>of() : List.of(new Trace.Candidate(id, id, id, 1, 0.9));
        return new Reply(kind, id, id, id == null ? null : "答案", 0.9, List.of(), null,
                new Trace("", List.of(), Set.of(), candidates, "test", 0));
    }

    @Test
    void aDropOfOnePointPassesAndMoreIsBlocked() {
        var questions = questions(100, null);
        GateResult onePoint = QualityGate.compare(questions, bot(Set.of()), bot(Set.of("q7")), "");
        assertTrue(onePoint.passed(), onePoint.reasons().toString());
        assertEquals(0.99, onePoint.candidate().recallAt1(), 1e-9);
        assertEquals(1, onePoint.changed().size());
        assertEquals("answer:e7", onePoint.changed().get(0).live());
        assertEquals("answer:x", onePoint.changed().get(0).candidate());

        GateResult twoPoints = QualityGate.compare(questions, bot(Set.of()), bot(Set.of("q7", "q8")), "");
        assertFalse(twoPoints.passed());
        assertTrue(twoPoints.reasons().get(0).contains("100.0% 降到 98.0%"), twoPoints.reasons().toString());
        assertEquals(1.0, twoPoints.candidate().outOfScopeRejection(), 1e-9);
        assertEquals(99.0 / 101, twoPoints.candidate().accuracy(), 1e-9);
    }

    @Test
    void aFailedMustPassQuestionBlocksEvenWithoutADrop() {
        var questions = questions(200, "q3");
        GateResult result = QualityGate.compare(questions, bot(Set.of("q4")), bot(Set.of("q3")), "");
        assertEquals(result.live().recallAt1(), result.candidate().recallAt1(), 1e-9);
        assertFalse(result.passed());
        assertTrue(result.reasons().get(0).contains("必须通过的测试问题未通过：「q3」"), result.reasons().toString());
    }
}
