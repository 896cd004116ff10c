package io.kefu.server.content;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationSet;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Measures a candidate knowledge base before it goes live: builds its bot (calibrating its thresholds as the live
 * bot will), asks the content team's test questions of the candidate and of the live bot, and compares. A publish
 * is blocked when recall@1 drops by more than one point or a must-pass question fails.
 */
@Component
class QualityGate {

    /** The largest drop of recall@1 a publish may bring without a reviewer's override. */
    static final double MAX_RECALL_DROP = 0.01;

    private final QaBot live;
    private final KnowledgeFolder folder;
    private final CalibrationSet calibrationQuestions;
    private final CalibrationCache calibrations;

    QualityGate(QaBot live, KnowledgeFolder folder, CalibrationSet calibrationQuestions,
                CalibrationCache keptCalibrations) {
        this.live = live;
        this.folder = folder;
        this.calibrationQuestions = calibrationQuestions;
        // the live bot's cache too: the calibration made here is found there when the candidate goes live
        this.calibrations = folder.calibrationCache().thenReadingAndStoring(keptCalibrations);
    }

    /** A bot of a candidate knowledge base, calibrated like the live one; the caller closes it. */
    QaBot candidateBot(KnowledgeBase knowledge, Collection<String> withheld) {
        QaBot bot = folder.botBuilder().knowledge(knowledge).calibrate(calibrationQuestions)
                .calibrationCache(calibrations).build();
        bot.withhold(withheld);
        return bot;
    }

    GateResult check(KnowledgeBase candidate, Collection<String> withheld, List<TestQuestion> questions) {
        try (QaBot bot = candidateBot(candidate, withheld)) {
            return compare(questions, live::ask, bot::ask, bot.calibration().summary());
        }
    }

    static GateResult compare(List<TestQuestion> questions, Function<String, Reply> live,
                              Function<String, Reply> candidate, String calibration) {
        var liveScore = new Score();
        var candidateScore = new Score();
        var changed = new ArrayList<GateResult.Change>();
        var reasons = new ArrayList<String>();
        for (TestQuestion question : questions) {
            Reply before = live.apply(question.question());
            Reply after = candidate.apply(question.question());
            boolean wasRight = liveScore.add(question, before);
            boolean isRight = candidateScore.add(question, after);
            if (!outcome(before).equals(outcome(after))) {
                changed.add(new GateResult.Change(question.question(), question.expected(), question.mustPass(),
                        outcome(before), outcome(after), wasRight, isRight));
            }
            if (question.mustPass() && !isRight) {
                reasons.add("必须通过的测试问题未通过：「" + question.question() + "」期望"
                        + (question.inScope() ? "答案 " + question.expected() : "不作答") + "，实际为 " + outcome(after) + "。");
            }
        }
        GateResult.Metrics before = liveScore.metrics();
        GateResult.Metrics after = candidateScore.metrics();
        if (before.recallAt1() - after.recallAt1() > MAX_RECALL_DROP + 1e-9) {
            reasons.add(0, String.format("首位召回率从 %.1f%% 降到 %.1f%%，下降超过 1 个百分点。",
                    before.recallAt1() * 100, after.recallAt1() * 100));
        }
        return new GateResult(reasons.isEmpty(), reasons, before, after, questions.size(), changed, calibration);
    }

    /** What a reply did, for the comparison: {@code answer:<id>}, {@code clarify:<best id>} or the kind. */
    private static String outcome(Reply reply) {
        if (reply.kind() == ReplyKind.ANSWER) return "answer:" + reply.id();
        if (reply.kind() == ReplyKind.CLARIFY && !reply.suggestions().isEmpty()) {
            return "clarify:" + reply.suggestions().get(0).id();
        }
        return reply.kind().wireName();
    }

    /** The counts behind the metrics. */
    private static final class Score {
        int inScope;
        int top1;
        int outOfScope;
        int rejected;
        int correct;

        /** Counts a reply; whether it was right (in scope: answered with the entry; out of scope: not answered). */
        boolean add(TestQuestion question, Reply reply) {
            boolean answered = reply.kind() == ReplyKind.ANSWER;
            boolean right;
            if (question.inScope()) {
                inScope++;
                var candidates = reply.trace().candidates();
                if (!candidates.isEmpty() && candidates.get(0).id().equals(question.expected())) top1++;
                right = answered && question.expected().equals(reply.id());
            } else {
                outOfScope++;
                right = !answered;
                if (right) rejected++;
            }
            if (right) correct++;
            return right;
        }

        GateResult.Metrics metrics() {
            return new GateResult.Metrics(share(top1, inScope), share(rejected, outOfScope),
                    share(correct, inScope + outOfScope));
        }

        private static double share(int part, int whole) {
            return whole == 0 ? 1 : (double) part / whole;
        }
    }
}
