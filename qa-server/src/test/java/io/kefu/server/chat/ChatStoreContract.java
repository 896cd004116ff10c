package io.kefu.server.chat;

import org.flywaydb.core.Flyway;
import io.kefu.server.system.KefuProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persistence of conversations, the same for every database: each subclass gives a freshly migrated database.
 * The bot is a stand-in that echoes, so these tests are about storage only.
 */
abstract class ChatStoreContract {

    /** A database with nothing in it yet; Flyway migrates it here. */
    abstract DataSource dataSource();

    /** Flyway settings for this database (a schema of its own, for instance). */
    Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).load();
    }

    private ChatStore store;
    private ChatService chat;
    /** The dialogue state the stand-in bot was given for each message, in order ("null": none yet). */
    private final List<String> statesSeen = new ArrayList<>();

    private ChatService chat() {
        if (chat == null) {
            DataSource dataSource = dataSource();
            flyway(dataSource).migrate();
            store = new ChatStore(JdbcClient.create(dataSource), JsonMapper.builder().build());
            BotResponder echo = new BotResponder(null, null, store, null, new Binder(new MapConfigurationPropertySource()).bindOrCreate("kefu", KefuProperties.class)) {
                @Override
                BotTurn respond(Conversation conversation, String text, String chosenEntry, String storedState) {
                    statesSeen.add(String.valueOf(storedState));
                    var answer = new OutgoingMessage("answer", "收到：" + text,
                            List.of(new io.kefu.qa.Suggestion("faq-1", "相关问题")), List.of("转人工"));
                    var form = new OutgoingMessage("form", "请提供手机号", List.of(), List.of());
                    return new BotTurn(text.startsWith("两条") ? List.of(answer, form) : List.of(answer),
                            new BotDecision("answer", "faq-1", 0.9, "test", 12), "{\"turns\":" + text.length() + "}",
                            null);
                }
            };
            chat = new ChatService(store, echo, new DataSourceTransactionManager(dataSource));
        }
        return chat;
    }

    @Test
    void decisionsLoggedBeforeVersion6MoveOntoTheFirstMessageOfTheirReply() {
        DataSource dataSource = dataSource();
        Flyway before = flyway(dataSource);
        Flyway.configure().configuration(before.getConfiguration()).target("5").load().migrate();
        var sql = JdbcClient.create(dataSource);
        sql.sql("insert into visitors (id, token_hash, created_at) values ('v', 'h', current_timestamp)").update();
        sql.sql("insert into conversations (id, visitor_id, channel, status, last_seq, created_at) "
                + "values ('c', 'v', 'web', 'open', 4, current_timestamp)").update();
        String message = "insert into messages (conversation_id, seq, sender, kind, client_id, reply_to, body, created_at) "
                + "values ('c', ?, ?, ?, ?, ?, ?, current_timestamp)";
        sql.sql(message).params(1, "customer", "text", "m1", null, "我的手机号13812345678话费怎么查").update();
        sql.sql(message).params(2, "bot", "answer", null, 1, "您可以……").update();
        sql.sql(message).params(3, "bot", "form", null, 1, "请提供手机号").update();
        sql.sql(message).params(4, "customer", "text", "m2", null, "谢谢").update();
        sql.sql("insert into bot_decisions (conversation_id, seq, question, kind, matched_id, score, stage, micros, "
                + "created_at) values ('c', 1, '我的手机号138****5678话费怎么查', 'answer', 'faq-1', 0.9, 'rank', 7, "
                + "current_timestamp)").update();

        Flyway.configure().configuration(before.getConfiguration()).load().migrate();
        store = new ChatStore(sql, JsonMapper.builder().build());
        ChatStore.LoggedDecision moved = store.decision("c", 1).orElseThrow();
        assertEquals(new ChatStore.LoggedDecision("我的手机号138****5678话费怎么查", "answer", "faq-1", "rank"), moved);
        assertTrue(store.decision("c", 4).isEmpty(), "an undecided message has none");
        assertEquals(1, sql.sql("select count(*) from messages where decision_kind is not null").query(Long.class).single(),
                "on the reply's first message only");
        List<TranscriptLine> transcript = store.transcript("c", 100);
        assertEquals(4, transcript.size());
        assertEquals("answer", transcript.get(0).decisionKind(), "the agent sees it on the customer's message");
        assertEquals("faq-1", transcript.get(0).matchedId());
        assertEquals(null, transcript.get(1).decisionKind());
        assertEquals(null, transcript.get(3).decisionKind());
    }

    @Test
    void theDialogueStateIsStoredWithTheConversation() {
        ChatService.Session session = chat().start(null, null, false);
        assertTrue(store.dialogueState(session.conversation().id()).isEmpty());
        var received = chat().receive(session.conversation(), "c1", "话费怎么查");
        chat().reply(session.conversation(), received, null).messages();
        assertEquals("{\"turns\":5}", store.dialogueState(session.conversation().id()).orElseThrow());
    }

    @Test
    void aReceivedMessageCarriesTheDialogueStateTheBotLeft() {
        Conversation conversation = chat().start(null, null, false).conversation();
        ChatService.Received first = chat().receive(conversation, "c1", "话费怎么查");
        assertEquals(null, first.dialogueState());
        chat().reply(conversation, first, null);
        ChatService.Received second = chat().receive(conversation, "c2", "那流量呢");
        assertEquals("{\"turns\":5}", second.dialogueState(), "read by the statement that numbered the message");
        chat().reply(conversation, second, null);
        assertEquals(List.of("null", "{\"turns\":5}"), statesSeen);
        assertEquals("{\"turns\":4}", store.dialogueState(conversation.id()).orElseThrow());

        ChatService.Received resent = chat().receive(conversation, "c3", "还有吗");
        chat().receive(conversation, "c3", "还有吗");
        ChatService.Received again = chat().receive(conversation, "c3", "还有吗");
        assertTrue(again.duplicate() && again.needsReply());
        assertEquals(resent.dialogueState(), again.dialogueState(), "a resend not yet answered reads it too");
        chat().reply(conversation, again, null);
        assertFalse(chat().receive(conversation, "c3", "还有吗").needsReply());
    }

    @Test
    void aVisitorResumesOnlyItsOwnOpenConversation() {
        ChatService.Session first = chat().start(null, null, false);
        assertFalse(first.resumed());
        assertTrue(first.token().length() >= 40);
        ChatService.Session again = chat().start(first.token(), first.conversation().id(), false);
        assertTrue(again.resumed());
        assertEquals(first.visitorId(), again.visitorId());
        ChatService.Session stranger = chat().start("not-a-token", first.conversation().id(), false);
        assertFalse(stranger.resumed());
        assertNotEquals(first.visitorId(), stranger.visitorId());
        ChatService.Session other = chat().start(null, null, false);
        assertFalse(chat().start(other.token(), first.conversation().id(), false).resumed());
    }

    @Test
    void aMessageIsStoredOncePerClientIdAndAnsweredOnce() {
        Conversation conversation = chat().start(null, null, false).conversation();
        ChatService.Received received = chat().receive(conversation, "c1", "我的卡号 6222 0212 3456 7890 123 丢了");
        assertEquals(1, received.message().seq());
        assertFalse(received.duplicate());
        List<ChatMessage> replies = chat().reply(conversation, received, null).messages();
        assertEquals(1, replies.size());
        assertEquals(2, replies.get(0).seq());
        assertEquals(1L, replies.get(0).replyTo());

        ChatService.Received resent = chat().receive(conversation, "c1", "我的卡号 6222 0212 3456 7890 123 丢了");
        assertTrue(resent.duplicate());
        assertFalse(resent.needsReply());
        assertEquals(1, resent.message().seq());
        assertTrue(chat().reply(conversation, resent, null).messages().isEmpty(), "answered once");

        List<ChatMessage> transcript = chat().replay(conversation, 0);
        assertEquals(2, transcript.size());
        ChatMessage question = transcript.get(0);
        assertEquals(Sender.CUSTOMER, question.sender());
        assertEquals("我的卡号 6222 0212 3456 7890 123 丢了", question.text(), "the transcript keeps what was typed");
        ChatMessage answer = transcript.get(1);
        assertEquals(Sender.BOT, answer.sender());
        assertEquals("相关问题", answer.suggestions().get(0).question());
        assertEquals(List.of("转人工"), answer.quickReplies());
        assertEquals(1, chat().replay(conversation, 1).size());

        ChatStore.LoggedDecision decision = store.decision(conversation.id(), 1).orElseThrow();
        assertEquals("我的卡号 **** **** **** ***0 123 丢了", decision.question(), "the last four digits stay");
        assertEquals("faq-1", decision.matchedId());
    }

    @Test
    void aStoredQuestionWithoutAnAnswerIsAnsweredWhenResent() {
        Conversation conversation = chat().start(null, null, false).conversation();
        chat().receive(conversation, "c1", "你好");
        ChatService.Received resent = chat().receive(conversation, "c1", "你好");
        assertTrue(resent.duplicate());
        assertTrue(resent.needsReply(), "the server went away before answering");
        assertEquals(2, chat().reply(conversation, resent, null).messages().get(0).seq());
    }

    @Test
    void aClosedConversationCanBeRatedButNotContinued() {
        Conversation conversation = chat().start(null, null, false).conversation();
        chat().receive(conversation, "c1", "你好");
        assertEquals("not_closed", assertThrows(ChatException.class, () -> chat().rate(conversation, 4, null)).code());
        ChatMessage notice = chat().close(conversation);
        assertEquals(Sender.SYSTEM, notice.sender());
        assertEquals(2, notice.seq());
        assertEquals("conversation_closed",
                assertThrows(ChatException.class, () -> chat().receive(conversation, "c2", "还在吗")).code());
        chat().rate(conversation, 4, "不错");
        chat().rate(conversation, 5, null);
        assertEquals(5, store.stars(conversation.id()).orElseThrow());
        assertFalse(chat().start(chat().start(null, null, false).token(), conversation.id(), false).resumed());
    }

    @Test
    void concurrentMessagesGetGaplessUniqueSequenceNumbers() throws Exception {
        Conversation conversation = chat().start(null, null, false).conversation();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Long>>();
            for (int i = 0; i < 40; i++) {
                String id = "c" + (i % 20); // every id twice
                tasks.add(() -> chat().receive(conversation, id, "消息 " + id).message().seq());
            }
            Set<Long> seqs = new TreeSet<>();
            for (Future<Long> seq : pool.invokeAll(tasks)) seqs.add(seq.get());
            assertEquals(20, seqs.size());
            assertEquals(1L, ((TreeSet<Long>) seqs).first());
            assertEquals(20L, ((TreeSet<Long>) seqs).last());
            assertEquals(20, chat().replay(conversation, 0).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplyOfSeveralMessagesIsNumberedInOrderAndStoredAtOnce() {
        Conversation conversation = chat().start(null, null, false).conversation();
        ChatService.Received received = chat().receive(conversation, "c1", "两条消息");
        List<ChatMessage> replies = chat().reply(conversation, received, null).messages();
        assertEquals(List.of(2L, 3L), replies.stream().map(ChatMessage::seq).toList());
        assertEquals(List.of("answer", "form"), chat().replay(conversation, 1).stream().map(ChatMessage::kind).toList());
        assertEquals(4, chat().receive(conversation, "c2", "还有").message().seq());
        assertEquals(5, chat().close(conversation).seq());
        assertEquals(5, store.conversation(conversation.id()).orElseThrow().lastSeq());
    }

    @Test
    void concurrentRepliesToOneQuestionAnswerItOnce() throws Exception {
        Conversation conversation = chat().start(null, null, false).conversation();
        ChatService.Received question = chat().receive(conversation, "c1", "话费怎么查");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) tasks.add(() -> chat().reply(conversation, question, null).messages().size());
            int stored = 0;
            for (Future<Integer> replies : pool.invokeAll(tasks)) stored += replies.get();
            assertEquals(1, stored);
            assertEquals(2, chat().replay(conversation, 0).size());
            assertEquals(3, chat().receive(conversation, "c2", "好的").message().seq(), "no number was lost");
        } finally {
            pool.shutdownNow();
        }
    }
}
