package io.kefu.server.agent;

import io.kefu.server.cluster.ClusterBus;
import io.kefu.server.cluster.ClusterEvent;
import io.kefu.server.conversation.CustomerChannel;
import io.kefu.server.conversation.MessageLog;
import io.kefu.server.conversation.Routing;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.queue.HandoffException;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.SafeText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What agents do in a conversation (docs/agents.md): read it, reply, type, write notes, ask for suggestions. */
@Component
class ConversationCommands {

    static final int MAX_NOTE_LENGTH = 2000;

    private final ConversationAccess access;
    private final MessageLog log;
    private final NoteStore notes;
    private final CustomerChannel customers;
    private final ConsoleFeed feed;
    private final AgentConsoles consoles;
    private final AgentAssist assist;
    private final ClusterBus cluster;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int maxMessageLength;

    ConversationCommands(ConversationAccess access, MessageLog log, NoteStore notes, CustomerChannel customers,
                         ConsoleFeed feed, AgentConsoles consoles, AgentAssist assist, ClusterBus cluster,
                         Clock handoffClock, PlatformTransactionManager transactions, KefuProperties properties) {
        this.access = access;
        this.log = log;
        this.notes = notes;
        this.customers = customers;
        this.feed = feed;
        this.consoles = consoles;
        this.assist = assist;
        this.cluster = cluster;
        this.clock = handoffClock;
        this.tx = new TransactionTemplate(transactions);
        this.maxMessageLength = properties.chat().maxMessageLength() * 4;
    }

    AgentFrames.Transcript open(AgentConsole console, String conversationId, String ref) {
        Routing routing = access.requireServing(console, conversationId);
        console.watching().add(conversationId);
        List<AgentFrames.Message> messages = log.transcript(conversationId).stream()
                .map(line -> AgentFrames.Message.of(line.message(), line.decisionKind() == null ? null
                        : new AgentFrames.Decision(line.decisionKind(), line.matchedId(),
                        line.matchedId() == null ? null : assist.question(line.matchedId())))).toList();
        var written = notes.notes(conversationId).stream()
                .map(n -> new AgentFrames.Note(n.author(), n.text(), n.at().toString())).toList();
        return new AgentFrames.Transcript("transcript", conversationId,
                routing.open() ? routing.handoff().wireName() : "closed", routing.agent(), messages, written, ref);
    }

    /** Stores and delivers a reply once per console message id: sent again, it is answered again, and that is all. */
    StoredMessage reply(AgentConsole console, String conversationId, String replyId, String text) {
        Routing routing = access.requireAssigned(console, conversationId);
        String body = text(text);
        MessageLog.Reply stored = log.reply(conversationId, replyId, body, console.displayName())
                .orElseThrow(() -> new HandoffException("not_found", "会话已结束。"));
        StoredMessage said = stored.message();
        if (stored.duplicate()) return said;
        feed.added(conversationId, routing.agent(), List.of(said)); // and to the customer's node, if another
        // a channel that cannot deliver it (WeChat's 48-hour window) tells the agent why, as an error
        customers.deliver(conversationId, said);
        customers.agentTyping(conversationId, false);
        return said;
    }

    void typing(AgentConsole console, String conversationId, boolean on) {
        access.requireAssigned(console, conversationId);
        cluster.publish(new ClusterEvent.AgentTyping(conversationId, console.username(), on));
        customers.agentTyping(conversationId, on);
    }

    void note(AgentConsole console, String conversationId, String text) {
        Routing routing = access.requireServing(console, conversationId);
        String body = text(text);
        if (body.length() > MAX_NOTE_LENGTH) throw new HandoffException("too_long", "备注请控制在 2000 字以内。");
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> notes.insert(conversationId, console.username(), body, now));
        consoles.toConversation(conversationId, routing.agent(), new AgentFrames.NoteFrame("note", conversationId,
                new AgentFrames.Note(console.username(), body, now.toString())));
    }

    AgentFrames.Suggestions suggest(AgentConsole console, String conversationId, String text) {
        Routing routing = access.requireServing(console, conversationId);
        String question = text == null || text.isBlank() ? routing.lastMessage() : text;
        return new AgentFrames.Suggestions("suggestions", conversationId, assist.suggest(question));
    }

    /** A text an agent wrote, cleaned as customers' texts are: not blank, not too long. */
    private String text(String text) {
        String body = text == null ? "" : SafeText.clean(text).strip();
        if (body.isEmpty()) throw new HandoffException("empty_message", "消息不能为空。");
        if (body.length() > maxMessageLength) {
            throw new HandoffException("too_long", "消息太长了，请控制在 " + maxMessageLength + " 个字以内。");
        }
        return body;
    }
}
