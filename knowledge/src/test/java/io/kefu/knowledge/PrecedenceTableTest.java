package io.kefu.knowledge;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The precedence of docs/intents.md on the demo content, with messages as customers write them: conversation moves
 * only as the whole message (a yes alone gets no reply of its own outside a dialogue), hand-offs and complaints
 * first (a complaint mixed with a question is handed over), a request to act before the FAQ that explains how, and
 * the FAQ for a question, negations included.
 */
class PrecedenceTableTest {

    @AutoClose
    private static final QaBot BOT = Demo.KNOWLEDGE.botBuilder().build();

    /** The entry answered, or the intent that decided or was recognised; empty for neither. */
    private static String subject(Reply reply) {
        if (reply.question() != null) return reply.id();
        return reply.intent() == null ? "" : reply.intent().intent();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            好的呀                                   | none    | affirm
            嗯嗯，知道了，谢谢                          | answer  | thanks
            好的，没有别的问题了                         | answer  | goodbye
            喂，在吗                                  | answer  | greeting
            给我转个人工                               | handoff | human
            我不想跟机器人说话了                         | handoff | human
            人工客服几点上班                            | answer  | tel-service-013
            我要投诉你们营业厅                          | handoff | complaint
            你们这个乱扣费也太坑了                       | handoff | complaint
            投诉的话有什么渠道                          | answer  | tel-service-001
            你们乱扣我话费，我要投诉，扣的钱什么时候能退     | handoff | complaint
            宽带三天两头断网，我要投诉，到底什么时候能修好   | handoff | complaint
            帮我查下我的话费                            | form    | bill_query
            看看我的流量还剩多少                         | form    | data_query
            话费余额怎么查                              | answer  | tel-billing-001
            我家宽带又坏了，麻烦派人来看看                 | form    | fault_report
            宽带坏了怎么报修                            | answer  | tel-broadband-034
            帮我挂失一下银行卡                          | form    | card_loss
            银行卡丢了怎么挂失                          | answer  | bank-card-001
            """)
    void eachMessageIsHandledAsAPersonWouldReadIt(String message, String kind, String subject) {
        Reply reply = BOT.ask(message);
        assertEquals(kind + " " + subject, reply.kind().wireName() + " " + subject(reply),
                () -> message + ": " + reply.trace().decidedBy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"我想知道我欠不欠费", "流量是不是不够用了", "为什么我的卡不能用了", "没收到验证码怎么回事",
            "不在开户行能办挂失吗", "别人给我转账怎么没到"})
    void aQuestionWithANegationIsNotAYesOrANo(String question) {
        Reply reply = BOT.ask(question);
        String intent = reply.intent() == null ? "" : reply.intent().intent();
        assertFalse(Set.of("deny", "affirm", "cancel").contains(intent), () -> question + " read as " + reply.intent());
    }
}
