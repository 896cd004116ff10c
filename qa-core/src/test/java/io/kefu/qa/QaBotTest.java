package io.kefu.qa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library end to end on a small knowledge base, through its public API only. */
class QaBotTest {

    private static QaBot bot;

    @BeforeAll
    static void start() {
        bot = Fixtures.bot();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void reportsEachCandidatesCalibratedScoreWhateverTheOrder() {
        // the order combines several phrasings of an entry; the score stays that of its best single match
        String question = "彩铃是好几年前开的，现在每个月还在扣钱，不想要了，怎么关掉";
        Reply reply = bot.ask(question);
        assertFalse(reply.trace().candidates().isEmpty());
        for (Trace.Candidate candidate : reply.trace().candidates()) {
            assertEquals(bot.similarity(question, candidate.id()), candidate.score(), 1e-12, candidate.id());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "请问话费余额怎么查？谢谢        | balance",
            "查詢話費餘額                   | balance",
            "花费还剩多少                   | balance",
            "ＡＰＰ登錄不上去               | login-fail",
            "彩铃不想要了，怎么关掉         | ringtone-close",
            "想开通彩铃                     | ringtone-open",
            "款待坏了，上不了网             | broadband-repair",
            "手机号丢了要挂失               | sim-lost",
            "信用卡年费能免吗               | credit-annual-fee",
    })
    void ranksTheRightStandardQuestionFirst(String question, String expectedId) {
        Reply reply = bot.ask(question.strip());
        assertEquals(expectedId, reply.trace().candidates().get(0).id(), () -> "trace: " + reply.trace());
        assertTrue(reply.score() > 0 && reply.score() <= 1);
        switch (reply.kind()) {
            case ANSWER -> {
                assertEquals(expectedId, reply.id());
                assertFalse(reply.answer().isBlank());
            }
            case CLARIFY -> assertEquals(expectedId, reply.suggestions().get(0).id(), "best suggestion first");
            case NONE -> assertTrue(reply.suggestions().isEmpty());
        }
    }

    @Test
    void answersPlainQuestionsOutright() {
        for (String question : List.of("请问话费余额怎么查？谢谢", "查詢話費餘額", "怎么开通国际漫游")) {
            Reply reply = bot.ask(question);
            assertEquals(ReplyKind.ANSWER, reply.kind(), () -> question + ": " + reply.trace());
        }
    }

    @Test
    void doesNotAnswerWhatTheKnowledgeBaseDoesNotCover() {
        for (String question : List.of("今天天气怎么样", "推荐一部好看的电影", "asdfghjkl")) {
            Reply reply = bot.ask(question);
            assertNotEquals(ReplyKind.ANSWER, reply.kind(), () -> question + " -> " + reply);
        }
    }

    @Test
    void emptyOrHugeInputIsANormalNoAnswer() {
        assertEquals(ReplyKind.NONE, bot.ask("").kind());
        assertEquals(ReplyKind.NONE, bot.ask(null).kind());
        assertEquals(ReplyKind.NONE, bot.ask("？？？！！！").kind());
        Reply huge = bot.ask("话费".repeat(50_000));
        assertTrue(huge.trace().normalized().length() <= 500);
    }

    @Test
    void traceShowsEveryStage() {
        Reply reply = bot.ask("我要退订彩铃");
        assertEquals("我要退订彩铃", reply.trace().normalized());
        assertTrue(reply.trace().tokens().contains("退订"));
        assertTrue(reply.trace().keywords().contains("彩铃"), reply.trace().keywords().toString());
        assertFalse(reply.trace().keywords().contains("我"), "what it is about, not every word");
        assertFalse(reply.trace().candidates().isEmpty());
        assertFalse(reply.trace().decidedBy().isBlank());
        assertTrue(reply.trace().candidates().get(0).score() >= reply.trace().candidates().get(1).score());
    }

    @Test
    void aChosenSuggestionIsAnsweredWhateverTheTextMatches() {
        Reply asked = bot.ask("彩铃不想要了，怎么关掉");
        Reply chosen = bot.choose("彩铃不想要了，怎么关掉", "ringtone-open");
        assertEquals("ringtone-close", asked.trace().candidates().get(0).id());
        assertEquals(ReplyKind.ANSWER, chosen.kind());
        assertEquals("ringtone-open", chosen.id());
        assertEquals(Trace.CHOSEN, chosen.trace().decidedBy());
        assertEquals(bot.similarity("彩铃不想要了，怎么关掉", "ringtone-open"), chosen.score(), 1e-12,
                "the ranker's score of the chosen entry, for the decision log");
        assertTrue(chosen.suggestions().stream().noneMatch(s -> s.id().equals("ringtone-open")));
    }

    @Test
    void aChoiceOfAnEntryThatIsGoneIsAnsweredLikeTheText() {
        Reply asked = bot.ask("话费余额怎么查");
        Reply chosen = bot.choose("话费余额怎么查", "no-such-id");
        assertEquals(asked.kind(), chosen.kind());
        assertEquals(asked.id(), chosen.id());
        assertEquals(asked.trace().decidedBy(), chosen.trace().decidedBy());
    }

    @Test
    void similarityScoresAnyEntry() {
        assertTrue(bot.similarity("话费余额怎么查", "balance") > bot.similarity("话费余额怎么查", "card-lost"));
        assertEquals(0, bot.similarity("话费余额怎么查", "no-such-id"));
    }

    @Test
    void reloadSwapsTheIndexWhileQuestionsContinue() throws Exception {
        try (QaBot reloading = Fixtures.bot()) {
            var failures = new ConcurrentLinkedQueue<Throwable>();
            var running = new AtomicBoolean(true);
            var askers = new ArrayList<Thread>();
            for (int t = 0; t < 2; t++) {
                Thread asker = new Thread(() -> {
                    while (running.get()) {
                        try {
                            Reply reply = reloading.ask("话费余额怎么查");
                            if (!"balance".equals(reply.id())) failures.add(new AssertionError("got " + reply.id()));
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                asker.start();
                askers.add(asker);
            }
            var entries = new ArrayList<>(Fixtures.knowledgeBase().entries());
            entries.add(new FaqEntry("esim", "怎么办理eSIM", List.of("手表怎么开通eSIM", "eSIM一号双终端"), "请到营业厅办理。", ""));
            for (int round = 0; round < 3; round++) reloading.reload(new KnowledgeBase(entries)).get(30, TimeUnit.SECONDS);
            running.set(false);
            for (Thread asker : askers) asker.join();
            assertTrue(failures.isEmpty(), () -> "questions failed during reload: " + failures);
            assertEquals("esim", reloading.ask("手表怎么开通eSIM").trace().candidates().get(0).id());
        }
    }
}
