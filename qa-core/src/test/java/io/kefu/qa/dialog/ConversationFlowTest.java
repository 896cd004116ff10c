package io.kefu.qa.dialog;

import io.kefu.qa.Fixtures;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversations that hold together, on the dialogue tests' knowledge folder: inside a form the customer's explicit
 * wishes come before the detail asked for; a follow-up is matched within the previous answer's subject; thanks,
 * goodbyes and a plain 好的 are just that and never bring the last answer back.
 */
class ConversationFlowTest {

    /** The dialogue tests' own knowledge folder, which DialogueTest uses too. */
    private static final KnowledgeFolder FOLDER = KnowledgeFolder.open(Path.of("src", "test", "resources", "dialogue"));
    @AutoClose
    private static final QaBot BOT = FOLDER.botBuilder().model(Fixtures.model()).build();
    private final Dialogue dialogue = Dialogue.builder(BOT).forms(FOLDER.forms()).texts(FOLDER.texts())
            .clock(Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC)).build();
    private DialogueState state = DialogueState.start();

    private Turn say(String text) {
        Turn turn = dialogue.respond(state, text);
        state = turn.state();
        return turn;
    }

    private static BotMessage first(Turn turn) {
        return turn.messages().get(0);
    }

    private static BotMessage last(Turn turn) {
        return turn.messages().get(turn.messages().size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"算了", "不用了", "不修了，算了吧", "先不报修了", "不用了，我自己去营业厅问吧", "不需要"})
    void aCancelWordInsideAFormCancelsItWhateverDetailIsAskedFor(String cancel) {
        say("我要报修");
        Turn cancelled = say(cancel);
        assertEquals(BotMessage.Kind.NOTICE, first(cancelled).kind(), cancelled.messages().toString());
        assertEquals("好的，已为您取消宽带报修。还有什么可以帮您？", first(cancelled).text());
        assertNull(state.form());
    }

    @ParameterizedTest
    @ValueSource(strings = {"转人工", "这也太麻烦了，给我转人工吧", "我不想填了，找个真人来", "不要机器人，我要真人"})
    void askingForAPersonInsideAFormIsNeverReadAsTheDetail(String person) {
        say("我要报修");
        Turn handed = say(person);
        assertEquals(HandoffReason.REQUEST, handed.handoff(), handed.messages().toString());
        assertNull(state.form());
    }

    @Test
    void aComplaintInsideAFormIsHandedOverAsAComplaint() {
        say("我要报修");
        assertEquals(HandoffReason.COMPLAINT, say("修了三次都没修好，我要投诉你们").handoff());
    }

    @Test
    void anotherRequestReplacesTheFormAndAQuestionIsAnsweredBesideIt() {
        say("我要报修");
        Turn aside = say("宽带安装要等几天啊");
        assertEquals("broadband-install", first(aside).entryId());
        assertEquals("我们继续刚才的宽带报修：请留下您的联系电话。", last(aside).text());
        Turn other = say("帮我查一下话费");
        assertEquals("请告诉我要查询的手机号码。", last(other).text());
        assertEquals("balance_query", state.form().intent());
        assertEquals("balance_query", say("13800138000").effects().get(0).form());
    }

    @Test
    void thanksInsideAFormIsAnsweredAndAGoodbyeEndsIt() {
        say("我要报修");
        Turn thanks = say("好的谢谢");
        assertEquals("不客气，很高兴能帮到您！还有其他问题随时问我。", first(thanks).text());
        assertEquals("我们继续刚才的宽带报修：请留下您的联系电话。", last(thanks).text());
        assertNotNull(state.form());
        Turn bye = say("行，没别的事了，拜拜");
        assertEquals("感谢您的咨询，祝您生活愉快，再见！", last(bye).text());
        assertNull(state.form());
    }

    @Test
    void aPlainYesIsNotTheFaultDescriptionAndTwoDetailsInOneMessageAreBothTaken() {
        say("我要报修");
        assertEquals("请描述一下故障现象。", last(say("13800138000")).text());
        assertEquals(List.of(), say("好的").effects(), "好的 describes no fault");
        assertNotNull(state.form());

        say("算了");
        say("我要报修");
        Turn both = say("13900139000，家里一直掉线");
        assertEquals("断网", both.effects().get(0).values().get("problem"));
        assertEquals("13900139000", both.effects().get(0).values().get("phone"));
    }

    @Test
    void aFollowUpIsMatchedWithinTheSubjectOfTheLastAnswerAndNeverRepeatsIt() {
        assertEquals("ringtone-open", first(say("彩铃怎么开通")).entryId());
        assertEquals("ringtone-price", first(say("那多少钱")).entryId(), "the 彩铃 price, not the activation again");

        say("跨行转账多久到账");
        assertEquals("transfer-abroad", first(say("国外的呢")).entryId());
        assertEquals("transfer-abroad", state.topic().id());
    }

    @Test
    void thanksGoodbyeAndAPlainYesAfterAnAnswerAreJustThat() {
        say("彩铃怎么开通");
        Turn thanks = say("好的，谢谢你");
        assertEquals(List.of("不客气，很高兴能帮到您！还有其他问题随时问我。"), thanks.messages().stream().map(BotMessage::text).toList());
        Turn yes = say("嗯嗯，好的");
        assertEquals(List.of("好的。还有其他问题，随时可以问我。"), yes.messages().stream().map(BotMessage::text).toList());
        assertNull(yes.handoff());
        assertEquals(0, state.misses(), "an acknowledgement is not a question left unanswered");
        Turn bye = say("好的拜拜");
        assertEquals("感谢您的咨询，祝您生活愉快，再见！", first(bye).text());
        assertTrue(bye.messages().stream().allMatch(m -> m.entryId() == null), "the last answer is never repeated");
    }
}
