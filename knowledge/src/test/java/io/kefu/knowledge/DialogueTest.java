package io.kefu.knowledge;

import io.kefu.qa.QaBot;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.DialogueEffect;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.HandoffReason;
import io.kefu.qa.dialog.Turn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-turn conversations with the bundled content, through the public API, turn by turn: the journeys of the
 * demo's own forms and intents. A completed form's effect is checked here; carrying it out is the server's part.
 */
class DialogueTest {

    private static QaBot bot;
    private final MutableClock clock = new MutableClock();
    private Dialogue dialogue;
    private DialogueState state;

    @BeforeAll
    static void loadBot() {
        bot = Demo.KNOWLEDGE.botBuilder().build();
    }

    @AfterAll
    static void closeBot() {
        bot.close();
    }

    @BeforeEach
    void newConversation() {
        dialogue = Dialogue.builder(bot).forms(Demo.KNOWLEDGE.forms()).texts(Demo.KNOWLEDGE.texts()).clock(clock)
                .build();
        state = DialogueState.start();
    }

    private Turn say(String text) {
        Turn turn = dialogue.respond(state, text);
        state = turn.state();
        return turn;
    }

    private static DialogueEffect.RecordTicket ticketOf(Turn turn) {
        assertEquals(1, turn.effects().size(), () -> "effects " + turn.effects());
        return assertInstanceOf(DialogueEffect.RecordTicket.class, turn.effects().get(0));
    }

    private static String last(Turn turn) {
        List<BotMessage> messages = turn.messages();
        return messages.get(messages.size() - 1).text();
    }

    private static BotMessage.Kind kindOfLast(Turn turn) {
        return turn.messages().get(turn.messages().size() - 1).kind();
    }

    @Test
    void faultReportAsksForEachMissingDetailValidatesAndRecordsATicket() {
        Turn first = say("我家宽带坏了");
        assertEquals(BotMessage.Kind.PROMPT, kindOfLast(first));
        assertTrue(last(first).contains("宽带账号"), last(first));

        Turn wrong = say("我也不知道账号是啥");
        assertEquals(BotMessage.Kind.PROMPT, kindOfLast(wrong));
        assertTrue(last(wrong).contains("没有识别到账号"), last(wrong));

        Turn account = say("账号是 02187654321");
        assertTrue(last(account).contains("故障现象"), last(account));

        DialogueEffect.RecordTicket ticket = ticketOf(say("一直断网，光猫也亮红灯"));
        assertEquals("fault_report", ticket.form());
        assertEquals("02187654321", ticket.values().get("account"));
        assertEquals("断网", ticket.values().get("problem"));
        BotMessage done = ticket.confirmation().recorded("T20261122-4F7K2Q");
        assertEquals(BotMessage.Kind.DONE, done.kind());
        assertTrue(done.text().startsWith("已为您登记故障申告（工单号 T20261122-4F7K2Q），账号 02187654321，故障：断网。"),
                done.text());
        assertNull(state.form());
    }

    @Test
    void detailsGivenUpFrontAreNotAskedAgainAndNumbersAreEchoedMasked() {
        DialogueEffect.RecordTicket ticket = ticketOf(say("帮我查一下13800138000的话费"));
        String done = ticket.confirmation().recorded("T1").text();
        assertTrue(done.contains("138****8000"), done);
        assertFalse(done.contains("13800138000"), "the full number is never echoed");
        assertEquals("13800138000", ticket.values().get("phone"), "agents get the real number");
    }

    @Test
    void threeUnusableRepliesHandOverToAPerson() {
        say("帮我查下话费");
        assertEquals(BotMessage.Kind.PROMPT, kindOfLast(say("12345")));
        assertEquals(BotMessage.Kind.PROMPT, kindOfLast(say("没有")));
        Turn third = say("abc");

        assertEquals(HandoffReason.FORM_FAILED, third.handoff());
        assertEquals(BotMessage.Kind.HANDOFF, kindOfLast(third));
        assertNull(state.form());
    }

    @Test
    void theCustomerCanCancelOrAskForAPersonInsideAForm() {
        say("我要报修");
        assertNotNull(state.form());
        Turn cancelled = say("算了");
        assertTrue(last(cancelled).contains("已为您取消故障申告"), last(cancelled));
        assertNull(state.form());

        say("银行卡丢了要挂失");
        assertNotNull(state.form());
        Turn human = say("转人工");
        assertEquals(HandoffReason.REQUEST, human.handoff());
        assertNull(state.form());
    }

    @Test
    void anFaqQuestionInsideAFormIsAnsweredAndTheFormResumes() {
        say("帮我查一下话费");
        Turn aside = say("彩铃怎么取消");
        assertEquals(BotMessage.Kind.ANSWER, aside.messages().get(0).kind());
        assertEquals("tel-vas-013", aside.messages().get(0).entryId());
        assertTrue(last(aside).startsWith("我们继续刚才的话费查询"), last(aside));
        assertNotNull(state.form());
        assertEquals("bill_query", ticketOf(say("13912345678")).form());
    }

    @Test
    void aSuggestionClickedInsideAFormIsAnsweredNotTakenAsTheDetailAskedFor() {
        say("我家宽带坏了");
        assertTrue(last(say("账号是 02187654321")).contains("故障现象"));
        // typed, these words would be the fault's description (they hold no question word); clicked, a question
        Turn clicked = dialogue.respond(state, "上门安装宽带要多长时间", "tel-broadband-007");
        state = clicked.state();
        assertEquals("tel-broadband-007", clicked.messages().get(0).entryId());
        assertTrue(last(clicked).startsWith("我们继续刚才的故障申告"), last(clicked));
        assertNotNull(state.form());
        assertEquals(List.of(), clicked.effects());
    }

    @Test
    void aFormLeftAloneTimesOut() {
        say("我要报修");
        clock.advance(Duration.ofMinutes(11));
        Turn later = say("你好");
        assertEquals(BotMessage.Kind.NOTICE, later.messages().get(0).kind());
        assertTrue(later.messages().get(0).text().contains("刚才的故障申告已取消"), later.messages().get(0).text());
        assertEquals(BotMessage.Kind.ANSWER, later.messages().get(1).kind(), "the new message is handled normally: a greeting");
        assertTrue(later.messages().get(1).text().startsWith("您好"), later.messages().get(1).text());
        assertNull(state.form());
    }

    @Test
    void followUpsLeanOnThePreviousAnswer() {
        Turn opened = say("彩铃怎么开通");
        assertEquals(BotMessage.Kind.ANSWER, kindOfLast(opened));
        Turn cancel = say("怎么取消");
        assertEquals(BotMessage.Kind.ANSWER, kindOfLast(cancel), () -> cancel.messages().toString());
        assertEquals("tel-vas-013", cancel.messages().get(0).entryId());
    }

    @Test
    void twoUnansweredMessagesInARowHandOver() {
        Turn first = say("红烧肉怎么做");
        assertEquals(BotMessage.Kind.NONE, kindOfLast(first));
        assertTrue(first.messages().get(0).quickReplies().contains("转人工"));
        Turn second = say("周末去哪里爬山好");
        assertEquals(HandoffReason.NO_ANSWER, second.handoff());
    }

    @Test
    void stateSurvivesAJsonRoundTrip() {
        say("我家宽带坏了");
        say("账号 02187654321");
        var json = JsonMapper.builder().build();
        DialogueState copy = json.readValue(json.writeValueAsString(state), DialogueState.class);
        assertEquals(state, copy);
        state = copy;
        assertEquals("网速慢", ticketOf(say("网速慢")).values().get("problem"));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
