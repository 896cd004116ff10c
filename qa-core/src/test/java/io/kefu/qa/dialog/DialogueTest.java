package io.kefu.qa.dialog;

import com.sun.net.httpserver.HttpServer;
import io.kefu.qa.Fixtures;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dialogue turn by turn on its own small knowledge folder: what it decides, and that it acts on nothing. */
class DialogueTest {

    private static final KnowledgeFolder FOLDER =
            KnowledgeFolder.open(Path.of("src", "test", "resources", "dialogue"));
    private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");
    private static QaBot bot;
    private Dialogue dialogue;
    private DialogueState state;

    @BeforeAll
    static void loadBot() {
        bot = FOLDER.botBuilder().model(Fixtures.model()).build();
    }

    @AfterAll
    static void closeBot() {
        bot.close();
    }

    @BeforeEach
    void newConversation() {
        dialogue = dialogue(FOLDER.forms(), START);
        state = DialogueState.start();
    }

    /** The dialogue keeps nothing between messages, so a later message may as well go to a dialogue of later. */
    private Dialogue dialogue(List<FormDefinition> forms, Instant now) {
        return Dialogue.builder(bot).forms(forms).texts(FOLDER.texts()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private Turn say(String text) {
        Turn turn = dialogue.respond(state, text);
        state = turn.state();
        return turn;
    }

    private static BotMessage last(Turn turn) {
        return turn.messages().get(turn.messages().size() - 1);
    }

    @Test
    void aFormAsksForEachDetailValidatesItAndEndsWithATicketToRecord() {
        Turn first = say("我家宽带坏了");
        assertEquals(BotMessage.Kind.PROMPT, last(first).kind());
        assertEquals("请留下您的联系电话。", last(first).text());
        assertEquals(List.of("取消"), last(first).quickReplies());

        Turn wrong = say("我不记得了");
        assertEquals("这不是一个有效的手机号码，请重新输入。", last(wrong).text());

        assertEquals("请描述一下故障现象。", last(say("电话是 13800138000")).text());
        Turn done = say("一直掉线");

        assertEquals(List.of(), done.messages(), "the confirmation names the ticket, so it comes after the effect");
        assertNull(done.handoff());
        assertNull(state.form());
        var ticket = assertInstanceOf(DialogueEffect.RecordTicket.class, done.effects().get(0));
        assertEquals("repair", ticket.form());
        assertEquals(Map.of("phone", "13800138000", "problem", "断网"), ticket.values(), "agents get the real number");
        BotMessage confirmation = ticket.confirmation().recorded("T20261204-ABC234");
        assertEquals(BotMessage.Kind.DONE, confirmation.kind());
        assertEquals("已为您登记宽带报修（工单号 T20261204-ABC234），联系电话 138****8000，故障：断网。", confirmation.text());
    }

    @Test
    void detailsGivenUpFrontAreNotAskedAgain() {
        Turn first = say("13900139000的宽带坏了");
        assertEquals("请描述一下故障现象。", last(first).text());
        assertEquals("13900139000", state.form().values().get("phone"));
    }

    @Test
    void threeUnusableRepliesInARowFailTheFormAndHandOver() {
        say("我要报修");
        say("不知道");
        say("没有");
        Turn third = say("abc");
        assertEquals(HandoffReason.FORM_FAILED, third.handoff());
        assertEquals(BotMessage.Kind.HANDOFF, last(third).kind());
        assertEquals("抱歉，我没能识别您提供的信息，正在为您转接人工客服，请稍候。", last(third).text());
        assertNull(state.form());
        assertEquals(List.of(), third.effects());
    }

    @Test
    void theCustomerCanCancelAFormOrAskForAPersonInsideIt() {
        say("我要报修");
        Turn cancelled = say("算了");
        assertEquals(BotMessage.Kind.NOTICE, last(cancelled).kind());
        assertEquals("好的，已为您取消宽带报修。还有什么可以帮您？", last(cancelled).text());
        assertNull(state.form());

        say("我要报修");
        Turn human = say("转人工");
        assertEquals(HandoffReason.REQUEST, human.handoff());
        assertEquals("好的，正在为您转接人工客服，请稍候。", last(human).text());
        assertNull(state.form());
    }

    @Test
    void aQuestionInTheMiddleIsAnsweredAndTheFormResumes() {
        say("我要报修");
        Turn aside = say("彩铃怎么取消");
        assertEquals(BotMessage.Kind.ANSWER, aside.messages().get(0).kind());
        assertEquals("ringtone-close", aside.messages().get(0).entryId());
        assertEquals("我们继续刚才的宽带报修：请留下您的联系电话。", last(aside).text());
        assertNotNull(state.form());
        say("13800138000");
        assertEquals(1, say("网速很慢，一直掉线").effects().size());
    }

    @Test
    void aFollowUpCarriesTheTopicOfThePreviousAnswer() {
        assertEquals("ringtone-open", last(say("彩铃怎么开通")).entryId());
        Turn cancel = say("怎么取消");
        assertEquals(BotMessage.Kind.ANSWER, last(cancel).kind());
        assertEquals("ringtone-close", last(cancel).entryId());
        assertEquals(new DialogueState.Topic("ringtone-close", "彩铃怎么取消"), state.topic());
    }

    @Test
    void messagesWithoutAnAnswerInARowHandOverForNoAnswer() {
        Turn first = say("红烧肉怎么做");
        assertEquals(BotMessage.Kind.NONE, last(first).kind());
        assertEquals("抱歉，这个问题我还不会。您可以换个说法，或者回复“转人工”。", last(first).text(),
                "the folder's own text");
        assertEquals(List.of("转人工"), last(first).quickReplies());
        assertNull(first.handoff());
        Turn second = say("周末去哪里爬山好");
        assertEquals(HandoffReason.NO_ANSWER, second.handoff());
        assertEquals(0, state.misses());
    }

    @Test
    void aComplaintHandsOverWithItsOwnWords() {
        Turn complaint = say("我要投诉");
        assertEquals(HandoffReason.COMPLAINT, complaint.handoff());
        assertEquals("非常抱歉给您带来不好的体验，正在为您转接人工客服处理您的投诉，请稍候。", last(complaint).text());
    }

    @Test
    void aWebhookFormIsAnEffectTooAndTheDialogueCallsNothing() throws IOException {
        var requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            FormDefinition repair = FOLDER.forms().get(0);
            dialogue = dialogue(List.of(new FormDefinition(repair.intent(), repair.title(), repair.slots(),
                    new FormAction.Webhook(url, Duration.ofSeconds(2)), repair.done())), START);
            say("13800138000的宽带坏了");
            Turn done = say("上不了网");
            var webhook = assertInstanceOf(DialogueEffect.CallWebhook.class, done.effects().get(0));
            assertEquals(url, webhook.url());
            assertEquals("已为您登记宽带报修（工单号 ），联系电话 138****8000，故障：断网。",
                    webhook.confirmation().delivered().text());
            assertEquals("系统暂时繁忙，您的申请已登记为工单 T1，工作人员会尽快处理。",
                    webhook.confirmation().recordedInstead("T1").text());
            assertEquals(0, requests.get(), "deciding posts nothing");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFormLeftAloneTimesOutAtTheNextMessage() {
        say("我要报修");
        dialogue = dialogue(FOLDER.forms(), START.plus(Duration.ofMinutes(11)));
        Turn later = say("你好");
        assertEquals(BotMessage.Kind.NOTICE, later.messages().get(0).kind());
        assertEquals("由于较长时间没有收到您的回复，刚才的宽带报修已取消。", later.messages().get(0).text());
        assertEquals(BotMessage.Kind.ANSWER, later.messages().get(1).kind(), "the greeting is answered as usual");
        assertNull(state.form());
    }

    @Test
    void theServerCanBeginABuiltInFormByItself() {
        Turn begun = dialogue.begin(state, "leave_message");
        assertNull(begun.reply());
        assertEquals("请留下您的手机号码，方便客服与您联系。", last(begun).text());
        assertEquals("leave_message", begun.state().form().intent());
    }

    @Test
    void theStateSurvivesAJsonRoundTrip() {
        say("我要报修");
        say("13800138000");
        var json = JsonMapper.builder().build();
        DialogueState copy = json.readValue(json.writeValueAsString(state), DialogueState.class);
        assertEquals(state, copy);
        state = copy;
        assertEquals(1, say("网慢").effects().size());
    }
}
