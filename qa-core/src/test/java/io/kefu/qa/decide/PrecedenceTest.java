package io.kefu.qa.decide;

import io.kefu.qa.Fixtures;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.Mood;
import io.kefu.qa.rank.RankedCandidate;
import io.kefu.qa.rank.Thresholds;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * How a person would weigh what a message says (docs/intents.md, "Precedence"), on a small knowledge folder of its
 * own whose FAQ explains the very requests its intents carry out: a conversation move only as the whole message, a
 * negation inside a question never a no, the customer's explicit wishes (a person, a complaint) first, then a
 * request to act, and the FAQ for a question.
 */
class PrecedenceTest {

    private static final KnowledgeFolder FOLDER = KnowledgeFolder.open(Path.of("src", "test", "resources", "precedence"));
    @AutoClose
    private static final QaBot BOT = FOLDER.botBuilder().model(Fixtures.model()).build();

    /** What the bot does, in the words of the table: handoff:, form:, intent: (a fixed reply), answer:, context:. */
    private static String outcome(Reply reply) {
        return switch (reply.kind()) {
            case HANDOFF -> "handoff:" + reply.intent().intent();
            case FORM -> "form:" + reply.intent().intent();
            case ANSWER -> reply.question() == null ? reply.id() : "answer:" + reply.id();
            case NONE -> reply.intent() != null && reply.intent().exact() ? "context:" + reply.intent().intent() : "none";
            case CLARIFY -> "clarify";
        };
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            好的                                                | context:affirm
            嗯嗯，好的                                           | context:affirm
            不是                                                | context:deny
            不用了                                              | context:cancel
            哦，好的，谢谢你                                      | intent:thanks
            谢谢啦                                              | intent:thanks
            你好                                                | intent:greeting
            好的，拜拜                                           | intent:goodbye
            行，没别的事了                                        | intent:goodbye
            转人工                                              | handoff:human
            不要机器人，我要真人                                   | handoff:human
            这也太麻烦了，给我转人工吧                              | handoff:human
            人工客服几点下班啊                                     | answer:hotline-hours
            我要投诉                                            | handoff:complaint
            你们客服太敷衍了，我要投诉你们                           | handoff:complaint
            扣了我两个月的钱也不给解释，坑人                         | handoff:complaint
            想投诉的话在哪里投诉                                   | answer:complain-how
            信用卡明明按时还了还说我逾期，我要投诉，这个逾期记录怎么处理 | handoff:complaint
            帮我查一下话费                                        | form:bill_query
            查查13800138000的话费                                | form:bill_query
            话费余额一般怎么查                                     | answer:bill-how
            帮我把银行卡挂失了                                     | form:card_loss
            银行卡丢了，快帮我挂失                                  | form:card_loss
            银行卡丢了要怎么挂失                                   | answer:card-lost
            我要怎么挂失银行卡                                     | answer:card-lost
            挂失要不要手续费                                       | answer:card-fee
            """)
    void aMessageIsHandledTheWayAPersonWouldReadIt(String message, String expected) {
        Reply reply = BOT.ask(message);
        assertEquals(expected, outcome(reply), () -> message + ": " + reply.trace().decidedBy() + " " + reply.intent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"我想知道我欠不欠费", "流量是不是不够了", "为什么我的卡不能用了", "没有收到验证码怎么办",
            "别人打我电话怎么不通", "不在本地能挂失吗"})
    void aNegationInsideAQuestionIsNeverAYesOrANo(String question) {
        Reply reply = BOT.ask(question);
        String intent = reply.intent() == null ? "" : reply.intent().intent();
        assertFalse(Set.of("deny", "affirm", "cancel").contains(intent), () -> question + " read as " + reply.intent());
        assertFalse(outcome(reply).startsWith("context:"), question);
    }

    private static ReplyDecider.RoutedIntent hit(String name, IntentRoute route, double coverage, Mood mood) {
        return new ReplyDecider.RoutedIntent(new IntentMatch(name, "t", 10, Map.of(), coverage, false, mood), route);
    }

    private static RankedCandidate confident() {
        return new RankedCandidate(io.kefu.qa.FaqEntry.of("a", "问题", "答案"), "问题", 1, 0.9);
    }

    @Test
    void theRuleWeighsEachHitByItsMoodAgainstTheFaq() {
        var decider = new ReplyDecider(new Thresholds(0.6, 0.3, 0.1), List.of());
        List<RankedCandidate> answered = List.of(confident());
        assertEquals(ReplyDecider.Verdict.INTENT, decider.decide(List.of(hit("card_loss", IntentRoute.FORM, 0.2,
                Mood.DEMAND)), answered).verdict(), "帮我挂失 starts the form though the FAQ explains how");
        assertEquals(ReplyDecider.Verdict.ANSWER, decider.decide(List.of(hit("card_loss", IntentRoute.FORM, 0.8,
                Mood.QUESTION)), answered).verdict(), "怎么挂失 is the FAQ's");
        assertEquals(ReplyDecider.Verdict.INTENT, decider.decide(List.of(hit("complaint", IntentRoute.HANDOFF, 0.1,
                Mood.QUESTION)), List.of()).verdict(), "a question about complaining that the FAQ cannot answer");
        var both = List.of(hit("bill_query", IntentRoute.FORM, 0.6, Mood.DEMAND),
                hit("complaint", IntentRoute.HANDOFF, 0.2, Mood.STATEMENT));
        assertEquals(IntentRoute.HANDOFF, decider.decide(both, List.of()).route(), "the explicit wish comes first");
    }

    @Test
    void aMixedComplaintAndQuestionIsHandedOverWithoutAnAnswer() {
        Reply reply = BOT.ask("你们乱扣费，我要投诉，扣的钱什么时候退");
        assertEquals(ReplyKind.HANDOFF, reply.kind());
        assertEquals(null, reply.answer(), "the agent answers the question, with the whole message in view");
    }
}
