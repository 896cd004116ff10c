package io.kefu.knowledge;

import com.sun.net.httpserver.HttpServer;
import io.kefu.qa.QaBot;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.FormAction;
import io.kefu.qa.dialog.FormDefinition;
import io.kefu.qa.dialog.FormFiles;
import io.kefu.qa.dialog.InMemoryTicketStore;
import io.kefu.qa.dialog.Turn;
import io.kefu.qa.intent.IntentFiles;
import io.kefu.qa.knowledge.KnowledgeFiles;
import io.kefu.qa.knowledge.LexiconFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multi-turn conversations with the bundled content, through the public API, turn by turn. */
class DialogueTest {

    private static QaBot bot;
    private static List<FormDefinition> forms;
    private final MutableClock clock = new MutableClock();
    private InMemoryTicketStore tickets;
    private Dialogue dialogue;
    private DialogueState state;

    @BeforeAll
    static void loadBot() {
        var dir = ContentCheckTest.KNOWLEDGE;
        bot = QaBot.builder().knowledge(KnowledgeFiles.fromDirectory(dir)).lexicon(LexiconFiles.fromDirectory(dir))
                .intents(IntentFiles.fromDirectory(dir)).build();
        forms = FormFiles.fromDirectory(dir);
    }

    @AfterAll
    static void closeBot() {
        bot.close();
    }

    @BeforeEach
    void newConversation() {
        tickets = new InMemoryTicketStore(clock);
        dialogue = Dialogue.builder(bot).forms(forms).tickets(tickets).clock(clock).build();
        state = DialogueState.start();
    }

    private Turn say(String text) {
        Turn turn = dialogue.respond(state, text, "c-1");
        state = turn.state();
        return turn;
    }

    private static String last(Turn turn) {
        List<BotMessage> messages = turn.messages();
        return messages.get(messages.size() - 1).text();
    }

    private static String kindOfLast(Turn turn) {
        return turn.messages().get(turn.messages().size() - 1).kind();
    }

    @Test
    void faultReportAsksForEachMissingDetailValidatesAndRecordsATicket() {
        Turn first = say("我家宽带坏了");
        assertEquals("prompt", kindOfLast(first));
        assertTrue(last(first).contains("宽带账号"), last(first));

        Turn wrong = say("我也不知道账号是啥");
        assertEquals("prompt", kindOfLast(wrong));
        assertTrue(last(wrong).contains("没有识别到账号"), last(wrong));

        Turn account = say("账号是 02187654321");
        assertTrue(last(account).contains("故障现象"), last(account));

        Turn done = say("一直断网，光猫也亮红灯");
        assertEquals("done", kindOfLast(done));
        assertNotNull(done.ticket());
        assertEquals("fault_report", done.ticket().intent());
        assertEquals("02187654321", done.ticket().slots().get("account"));
        assertEquals("断网", done.ticket().slots().get("problem"));
        assertTrue(last(done).contains(done.ticket().id()));
        assertNull(state.form());
        assertEquals(1, tickets.tickets().size());
    }

    @Test
    void detailsGivenUpFrontAreNotAskedAgainAndNumbersAreEchoedMasked() {
        Turn done = say("帮我查一下13800138000的话费");
        assertEquals("done", kindOfLast(done));
        assertTrue(last(done).contains("138****8000"), last(done));
        assertFalse(last(done).contains("13800138000"), "the full number is never echoed");
        assertEquals("13800138000", done.ticket().slots().get("phone"), "agents get the real number");
    }

    @Test
    void threeUnusableRepliesHandOverToAPerson() {
        say("帮我查下话费");
        assertEquals("prompt", kindOfLast(say("12345")));
        assertEquals("prompt", kindOfLast(say("没有")));
        Turn third = say("abc");

        assertEquals("form_failed", third.handoff());
        assertEquals("handoff", kindOfLast(third));
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
        assertEquals("human", human.handoff());
        assertNull(state.form());
    }

    @Test
    void anFaqQuestionInsideAFormIsAnsweredAndTheFormResumes() {
        say("帮我查一下话费");
        Turn aside = say("彩铃怎么取消");
        assertEquals("answer", aside.messages().get(0).kind());
        assertEquals("tel-vas-013", aside.messages().get(0).entryId());
        assertTrue(last(aside).startsWith("我们继续刚才的话费查询"), last(aside));
        assertNotNull(state.form());
        assertEquals("done", kindOfLast(say("13912345678")));
    }

    @Test
    void aSuggestionClickedInsideAFormIsAnsweredNotTakenAsTheDetailAskedFor() {
        say("我家宽带坏了");
        assertTrue(last(say("账号是 02187654321")).contains("故障现象"));
        // typed, these words would be the fault's description (they hold no question word); clicked, a question
        Turn clicked = dialogue.respond(state, "上门安装宽带要多长时间", "tel-broadband-007", "c-1");
        state = clicked.state();
        assertEquals("tel-broadband-007", clicked.messages().get(0).entryId());
        assertTrue(last(clicked).startsWith("我们继续刚才的故障申告"), last(clicked));
        assertNotNull(state.form());
        assertTrue(tickets.tickets().isEmpty());
    }

    @Test
    void aFormLeftAloneTimesOut() {
        say("我要报修");
        clock.advance(Duration.ofMinutes(11));
        Turn later = say("你好");
        assertEquals("notice", later.messages().get(0).kind());
        assertTrue(later.messages().get(0).text().contains("刚才的故障申告已取消"), later.messages().get(0).text());
        assertEquals("answer", later.messages().get(1).kind(), "the new message is handled normally: a greeting");
        assertTrue(later.messages().get(1).text().startsWith("您好"), later.messages().get(1).text());
        assertNull(state.form());
    }

    @Test
    void followUpsLeanOnThePreviousAnswer() {
        Turn opened = say("彩铃怎么开通");
        assertEquals("answer", kindOfLast(opened));
        Turn cancel = say("怎么取消");
        assertEquals("answer", kindOfLast(cancel), () -> cancel.messages().toString());
        assertEquals("tel-vas-013", cancel.messages().get(0).entryId());
    }

    @Test
    void twoUnansweredMessagesInARowHandOver() {
        Turn first = say("红烧肉怎么做");
        assertEquals("none", kindOfLast(first));
        assertTrue(first.messages().get(0).quickReplies().contains("转人工"));
        Turn second = say("周末去哪里爬山好");
        assertEquals("no_answer", second.handoff());
    }

    @Test
    void webhookReceivesTheFormAndAFailureStillKeepsTheRequest() throws IOException {
        var received = new AtomicReference<String>();
        var status = new AtomicReference<>(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            FormDefinition bill = forms.stream().filter(f -> f.intent().equals("bill_query")).findFirst().orElseThrow();
            var viaWebhook = new FormDefinition(bill.intent(), bill.title(), bill.slots(),
                    new FormAction.Webhook(url, Duration.ofSeconds(2)), bill.done());
            dialogue = Dialogue.builder(bot).forms(List.of(viaWebhook)).tickets(tickets).clock(clock).build();

            Turn ok = say("帮我查一下13800138000的话费");
            assertNull(ok.ticket(), "the webhook took it");
            assertTrue(received.get().contains("\"phone\":\"13800138000\""), received.get());
            assertTrue(received.get().contains("\"conversation\":\"c-1\""));

            status.set(500);
            Turn failed = say("帮我查一下13900139000的话费");
            assertNotNull(failed.ticket());
            assertTrue(failed.ticket().note().contains("HTTP 500"));
            assertTrue(last(failed).contains("已登记为工单"), last(failed));
            assertFalse(last(failed).contains("Exception"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void stateSurvivesAJsonRoundTrip() {
        say("我家宽带坏了");
        say("账号 02187654321");
        var json = JsonMapper.builder().build();
        DialogueState copy = json.readValue(json.writeValueAsString(state), DialogueState.class);
        assertEquals(state, copy);
        state = copy;
        assertEquals("done", kindOfLast(say("网速慢")));
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
