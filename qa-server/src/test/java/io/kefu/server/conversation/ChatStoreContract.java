package io.kefu.server.conversation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.HandoffReason;
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

    private ConversationStore store;
    private MessageStore messages;
    private MessageLog log;
    private BotResponder echo;
    private ConversationService chat;
    /** The dialogue state the stand-in bot was given for each message, in order. */
    private final List<DialogueState> statesSeen = new ArrayList<>();
    /** What the service delivered to the customer and told the agents' side, in order. */
    private final List<String> told = new ArrayList<>();

    private ConversationService chat() {
        if (chat == null) {
            DataSource dataSource = dataSource();
            flyway(dataSource).migrate();
            var jdbc = JdbcClient.create(dataSource);
            var json = JsonMapper.builder().build();
            var transactions = new DataSourceTransactionManager(dataSource);
            store = new ConversationStore(jdbc, json);
            messages = new MessageStore(jdbc, json);
            log = new MessageLog(store, messages, transactions);
            KefuProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("kefu",
                    KefuProperties.class);
            echo = new BotResponder(null, null, null, store, defaults) {
                @Override
                BotTurn respond(String conversationId, String text, String chosenEntry, DialogueState state) {
                    statesSeen.add(state);
                    var answer = new BotMessage(BotMessage.Kind.ANSWER, "收到：" + text, null,
                            List.of(new io.kefu.qa.Suggestion("faq-1", "相关问题")), List.of("转人工"));
                    var form = new BotMessage(BotMessage.Kind.PROMPT, "请提供手机号", null, List.of(), List.of());
                    return new BotTurn(text.startsWith("两条") ? List.of(answer, form) : List.of(answer),
                            new BotDecision("answer", "faq-1", 0.9, "test", 12), turns(text.length()),
                            text.startsWith("转人工") ? HandoffReason.REQUEST : null);
                }
            };
            chat = new ConversationService(store, log, echo, new RecordingChannel(), new RecordingFeed(),
                    new RecordingHandoffs(), new ConversationMeters(new SimpleMeterRegistry()), transactions,
                    event -> { });
        }
        return chat;
    }

    /** The state the stand-in bot leaves: as many misses as the message had characters. */
    private static DialogueState turns(int characters) {
        return new DialogueState(null, null, characters, 0);
    }

    private MessageLog.Received receive(Conversation conversation, String clientId, String text) {
        chat();
        return log.receive(conversation.id(), clientId, text);
    }

    /** The bot's answer to a received message, stored as the service stores it. */
    private List<StoredMessage> reply(Conversation conversation, MessageLog.Received received) {
        BotTurn turn = echo.respond(conversation.id(), received.message().text(), null, received.dialogueState());
        return log.append(conversation.id(), received.message(), turn);
    }

    private Conversation started() {
        return chat().start("web", null, null, false).conversation();
    }

    private final class RecordingChannel implements CustomerChannel {
        @Override
        public void deliver(String conversationId, StoredMessage message) {
            told.add("customer " + message.seq() + " " + message.kind());
        }

        @Override
        public void queue(String conversationId, int position, long waitSeconds) {
            told.add("queue " + position);
        }

        @Override
        public void agentTyping(String conversationId, boolean on) {
            told.add("agent typing " + on);
        }

        @Override
        public boolean connected(String conversationId) {
            return true;
        }
    }

    private final class RecordingFeed implements ConversationFeed {
        @Override
        public void added(String conversationId, String agent, List<StoredMessage> added) {
            told.add("agents " + added.stream().map(StoredMessage::seq).toList());
        }

        @Override
        public void customerTyping(String conversationId, boolean on) {
            told.add("customer typing " + on);
        }
    }

    private final class RecordingHandoffs implements Handoffs {
        @Override
        public void connected(String conversationId) {
            told.add("connected");
        }

        @Override
        public void escalate(String conversationId, HandoffReason reason) {
            told.add("escalate " + reason);
        }

        @Override
        public void closedByCustomer(String conversationId, StoredMessage notice) {
            told.add("closed " + notice.seq());
        }
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
        messages = new MessageStore(sql, JsonMapper.builder().build());
        MessageStore.LoggedDecision moved = messages.decision("c", 1).orElseThrow();
        assertEquals(new MessageStore.LoggedDecision("我的手机号138****5678话费怎么查", "answer", "faq-1", "rank"), moved);
        assertTrue(messages.decision("c", 4).isEmpty(), "an undecided message has none");
        assertEquals(1, sql.sql("select count(*) from messages where decision_kind is not null").query(Long.class).single(),
                "on the reply's first message only");
        List<TranscriptLine> transcript = messages.transcript("c", 100);
        assertEquals(4, transcript.size());
        assertEquals("answer", transcript.get(0).decisionKind(), "the agent sees it on the customer's message");
        assertEquals("faq-1", transcript.get(0).matchedId());
        assertEquals(null, transcript.get(1).decisionKind());
        assertEquals(null, transcript.get(3).decisionKind());
    }

    @Test
    void theDialogueStateIsStoredWithTheConversation() {
        ConversationService.Session session = chat().start("web", null, null, false);
        assertTrue(store.dialogueState(session.conversation().id()).isEmpty());
        var received = receive(session.conversation(), "c1", "话费怎么查");
        reply(session.conversation(), received);
        assertEquals(turns(5), store.dialogueState(session.conversation().id()).orElseThrow());
    }

    @Test
    void aReceivedMessageCarriesTheDialogueStateTheBotLeft() {
        Conversation conversation = started();
        MessageLog.Received first = receive(conversation, "c1", "话费怎么查");
        assertEquals(DialogueState.start(), first.dialogueState(), "none yet: a new dialogue");
        reply(conversation, first);
        MessageLog.Received second = receive(conversation, "c2", "那流量呢");
        assertEquals(turns(5), second.dialogueState(), "read by the statement that numbered the message");
        reply(conversation, second);
        assertEquals(List.of(DialogueState.start(), turns(5)), statesSeen);
        assertEquals(turns(4), store.dialogueState(conversation.id()).orElseThrow());

        MessageLog.Received resent = receive(conversation, "c3", "还有吗");
        receive(conversation, "c3", "还有吗");
        MessageLog.Received again = receive(conversation, "c3", "还有吗");
        assertTrue(again.duplicate() && again.needsReply());
        assertEquals(resent.dialogueState(), again.dialogueState(), "a resend not yet answered reads it too");
        reply(conversation, again);
        assertFalse(receive(conversation, "c3", "还有吗").needsReply());
    }

    @Test
    void aVisitorResumesOnlyItsOwnOpenConversation() {
        ConversationService.Session first = chat().start("web", null, null, false);
        assertFalse(first.resumed());
        assertTrue(first.token().length() >= 40);
        ConversationService.Session again = chat().start("web", first.token(), first.conversation().id(), false);
        assertTrue(again.resumed());
        assertEquals(first.visitorId(), again.visitorId());
        ConversationService.Session stranger = chat().start("web", "not-a-token", first.conversation().id(), false);
        assertFalse(stranger.resumed());
        assertNotEquals(first.visitorId(), stranger.visitorId());
        ConversationService.Session other = chat().start("web", null, null, false);
        assertFalse(chat().start("web", other.token(), first.conversation().id(), false).resumed());
    }

    @Test
    void aMessageIsStoredOncePerClientIdAndAnsweredOnce() {
        Conversation conversation = started();
        MessageLog.Received received = receive(conversation, "c1", "我的卡号 6222 0212 3456 7890 123 丢了");
        assertEquals(1, received.message().seq());
        assertFalse(received.duplicate());
        List<StoredMessage> replies = reply(conversation, received);
        assertEquals(1, replies.size());
        assertEquals(2, replies.get(0).seq());
        assertEquals(1L, replies.get(0).replyTo());

        MessageLog.Received resent = receive(conversation, "c1", "我的卡号 6222 0212 3456 7890 123 丢了");
        assertTrue(resent.duplicate());
        assertFalse(resent.needsReply());
        assertEquals(1, resent.message().seq());
        assertTrue(reply(conversation, resent).isEmpty(), "answered once");

        List<StoredMessage> transcript = chat().replay(conversation.id(), 0);
        assertEquals(2, transcript.size());
        StoredMessage question = transcript.get(0);
        assertEquals(Sender.CUSTOMER, question.sender());
        assertEquals("我的卡号 6222 0212 3456 7890 123 丢了", question.text(), "the transcript keeps what was typed");
        StoredMessage answer = transcript.get(1);
        assertEquals(Sender.BOT, answer.sender());
        assertEquals("相关问题", answer.suggestions().get(0).question());
        assertEquals(List.of("转人工"), answer.quickReplies());
        assertEquals(1, chat().replay(conversation.id(), 1).size());

        MessageStore.LoggedDecision decision = messages.decision(conversation.id(), 1).orElseThrow();
        assertEquals("我的卡号 **** **** **** ***0 123 丢了", decision.question(), "the last four digits stay");
        assertEquals("faq-1", decision.matchedId());
    }

    @Test
    void aStoredQuestionWithoutAnAnswerIsAnsweredWhenResent() {
        Conversation conversation = started();
        receive(conversation, "c1", "你好");
        MessageLog.Received resent = receive(conversation, "c1", "你好");
        assertTrue(resent.duplicate());
        assertTrue(resent.needsReply(), "the server went away before answering");
        assertEquals(2, reply(conversation, resent).get(0).seq());
    }

    @Test
    void aClosedConversationCanBeRatedButNotContinued() {
        Conversation conversation = started();
        receive(conversation, "c1", "你好");
        assertEquals("not_closed", assertThrows(ConversationException.class, () -> chat().rate(conversation.id(), 4, null)).code());
        StoredMessage notice = chat().close(conversation.id());
        assertEquals(Sender.SYSTEM, notice.sender());
        assertEquals(2, notice.seq());
        assertEquals("conversation_closed",
                assertThrows(ConversationException.class, () -> receive(conversation, "c2", "还在吗")).code());
        chat().rate(conversation.id(), 4, "不错");
        chat().rate(conversation.id(), 5, null);
        assertEquals(5, store.stars(conversation.id()).orElseThrow());
        assertFalse(chat().start("web", chat().start("web", null, null, false).token(), conversation.id(), false).resumed());
    }

    @Test
    void concurrentMessagesGetGaplessUniqueSequenceNumbers() throws Exception {
        Conversation conversation = started();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Long>>();
            for (int i = 0; i < 40; i++) {
                String id = "c" + (i % 20); // every id twice
                tasks.add(() -> receive(conversation, id, "消息 " + id).message().seq());
            }
            Set<Long> seqs = new TreeSet<>();
            for (Future<Long> seq : pool.invokeAll(tasks)) seqs.add(seq.get());
            assertEquals(20, seqs.size());
            assertEquals(1L, ((TreeSet<Long>) seqs).first());
            assertEquals(20L, ((TreeSet<Long>) seqs).last());
            assertEquals(20, chat().replay(conversation.id(), 0).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplyOfSeveralMessagesIsNumberedInOrderAndStoredAtOnce() {
        Conversation conversation = started();
        MessageLog.Received received = receive(conversation, "c1", "两条消息");
        List<StoredMessage> replies = reply(conversation, received);
        assertEquals(List.of(2L, 3L), replies.stream().map(StoredMessage::seq).toList());
        assertEquals(List.of("answer", "prompt"), chat().replay(conversation.id(), 1).stream().map(StoredMessage::kind).toList());
        assertEquals(4, receive(conversation, "c2", "还有").message().seq());
        assertEquals(5, chat().close(conversation.id()).seq());
        assertEquals(5, store.conversation(conversation.id()).orElseThrow().lastSeq());
    }

    @Test
    void concurrentRepliesToOneQuestionAnswerItOnce() throws Exception {
        Conversation conversation = started();
        MessageLog.Received question = receive(conversation, "c1", "话费怎么查");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) tasks.add(() -> reply(conversation, question).size());
            int stored = 0;
            for (Future<Integer> replies : pool.invokeAll(tasks)) stored += replies.get();
            assertEquals(1, stored);
            assertEquals(2, chat().replay(conversation.id(), 0).size());
            assertEquals(3, receive(conversation, "c2", "好的").message().seq(), "no number was lost");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoredStateThatNoLongerReadsIsForgotten() {
        Conversation conversation = started();
        reply(conversation, receive(conversation, "c1", "话费怎么查"));
        JdbcClient.create(dataSource()).sql("update conversations set dialogue_state = '{\"form\":42' where id = ?")
                .param(conversation.id()).update();
        assertEquals(DialogueState.start(), receive(conversation, "c2", "那流量呢").dialogueState());
        assertEquals(DialogueState.start(), store.dialogueState(conversation.id()).orElseThrow());
    }

    @Test
    void aCustomerMessageTravelsThroughTheServiceInOrder() {
        Conversation conversation = started();
        var acks = new ArrayList<String>();
        Outcome outcome = chat().receive(new InboundMessage(conversation.id(), "转人工", "c1", null),
                (stored, duplicate, answering) -> acks.add(stored.seq() + " " + duplicate + " " + answering));
        assertEquals(List.of("1 false true"), acks, "acknowledged before the bot answers");
        assertEquals(List.of(2L), outcome.replies().stream().map(StoredMessage::seq).toList());
        assertEquals(HandoffReason.REQUEST, outcome.handoff());
        assertEquals(List.of("agents [1]", "customer 2 answer", "agents [2]", "escalate REQUEST"), told);

        told.clear();
        Outcome resent = chat().receive(new InboundMessage(conversation.id(), "转人工", "c1", null),
                (stored, duplicate, answering) -> acks.add(stored.seq() + " " + duplicate + " " + answering));
        assertEquals("1 true false", acks.get(1), "a resend of an answered message is acknowledged again");
        assertTrue(resent.duplicate() && !resent.answered() && resent.replies().isEmpty());
        assertEquals(List.of(), told, "nothing new for anyone");
    }

    @Test
    void aCustomerWaitingForAnAgentHearsTheBotOnlyForClearAnswers() {
        Conversation conversation = started();
        chat();
        store.enqueue(conversation.id(), 0, HandoffReason.REQUEST, java.time.Instant.now());
        Outcome clear = chat().receive(new InboundMessage(conversation.id(), "话费怎么查", "c1", null),
                (stored, duplicate, answering) -> { });
        assertEquals("answer", clear.replies().get(0).kind(), "a standard question answered");
        assertEquals(HandoffState.WAITING, store.handoff(conversation.id()).orElseThrow());
        Outcome again = chat().receive(new InboundMessage(conversation.id(), "转人工", "c2", null),
                (stored, duplicate, answering) -> { });
        assertEquals("queued", again.replies().get(0).kind(), "the waiting notice instead of another hand-off");
        assertEquals(null, again.handoff(), "not escalated twice");
    }
}
