package io.kefu.server.agent;

import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.CustomerChannel;
import io.kefu.server.conversation.CustomerTexts;
import io.kefu.server.conversation.MessageLog;
import io.kefu.server.conversation.Notice;
import io.kefu.server.conversation.Routing;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.conversation.CustomerNotices;
import io.kefu.server.queue.AgentStore;
import io.kefu.server.queue.Dispatcher;
import io.kefu.server.queue.HandoffException;
import io.kefu.server.queue.Handover;
import io.kefu.server.queue.Priority;
import io.kefu.server.queue.Router;
import io.kefu.server.staff.AuditLog;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.SafeText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

import static io.kefu.server.agent.ConversationAccess.requireSupervisor;
import static io.kefu.server.agent.ConversationAccess.required;

/**
 * What agents do about who serves a conversation (docs/agents.md): pick it from the queue, take it over or
 * reassign it (supervisors), transfer it, hand it back to the bot, close it. Each change is announced and the
 * queue served again.
 */
@Component
class AssignmentCommands {

    private final Router router;
    private final Dispatcher dispatcher;
    private final ConversationAccess access;
    private final ConversationStore conversations;
    private final AgentStore agents;
    private final MessageLog log;
    private final CustomerNotices notices;
    private final CustomerChannel customers;
    private final ConsoleFeed feed;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final List<String> closeTags;

    AssignmentCommands(Router router, Dispatcher dispatcher, ConversationAccess access,
                       ConversationStore conversations, AgentStore agents, MessageLog log, CustomerNotices notices,
                       CustomerChannel customers, ConsoleFeed feed, AuditLog audit, Clock handoffClock,
                       PlatformTransactionManager transactions, KefuProperties properties) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.access = access;
        this.conversations = conversations;
        this.agents = agents;
        this.log = log;
        this.notices = notices;
        this.customers = customers;
        this.feed = feed;
        this.audit = audit;
        this.clock = handoffClock;
        this.tx = new TransactionTemplate(transactions);
        this.closeTags = properties.handoff().closeTags();
    }

    void pick(AgentConsole console, String conversationId) {
        assigned(router.pick(console.username(), conversationId), console);
    }

    void takeover(AgentConsole console, String conversationId) {
        requireSupervisor(console);
        assigned(router.give(conversationId, console.username(), false, Handover.TAKEOVER), console);
    }

    void reassign(AgentConsole console, String conversationId, String agent) {
        requireSupervisor(console);
        assigned(router.give(conversationId, required(agent, "agent"), false, Handover.REASSIGN), console);
    }

    void transferToAgent(AgentConsole console, String conversationId, String agent) {
        access.requireServing(console, conversationId);
        if (console.username().equals(agent)) throw new HandoffException("already_yours", "不能转接给自己。");
        assigned(router.give(conversationId, required(agent, "agent"), true, Handover.TRANSFER), console);
    }

    void transferToGroup(AgentConsole console, String conversationId, String group) {
        Routing routing = access.requireServing(console, conversationId);
        String skill = required(group, "group");
        boolean anyone = agents.agents().stream().anyMatch(a -> a.skills().contains(skill));
        if (!anyone) throw new HandoffException("no_group", "没有这个技能组：" + SafeText.clean(skill));
        if (!tx.execute(s -> conversations.requeue(conversationId, Priority.RESUMED.value(), skill, clock.instant()))) {
            throw HandoffException.notFound();
        }
        audit.record(console.username(), Handover.TRANSFER.wireName(), conversationId, "group=" + skill, null);
        released(routing, Handover.TRANSFER, Notice.TRANSFERRED, CustomerTexts.TRANSFERRED);
    }

    void handBack(AgentConsole console, String conversationId) {
        Routing routing = access.requireServing(console, conversationId);
        if (!tx.execute(s -> conversations.toBot(conversationId))) throw HandoffException.notFound();
        audit.record(console.username(), Handover.HANDBACK.wireName(), conversationId, null, null);
        released(routing, Handover.HANDBACK, Notice.HANDBACK, CustomerTexts.HANDED_BACK);
    }

    void close(AgentConsole console, String conversationId, String tag) {
        Routing routing = access.requireServing(console, conversationId);
        if (tag != null && !closeTags.contains(tag)) {
            throw new HandoffException("bad_tag", "请从以下分类中选择：" + String.join("、", closeTags));
        }
        StoredMessage closed = log.close(conversationId, tag).orElseThrow(HandoffException::notFound);
        customers.deliver(conversationId, closed);
        audit.record(console.username(), "close", conversationId, tag == null ? null : "tag=" + tag, null);
        feed.added(conversationId, routing.agent(), List.of(closed));
        dispatcher.released(routing, Handover.CLOSED);
        dispatcher.serve();
    }

    private void assigned(Router.Assignment assignment, AgentConsole by) {
        dispatcher.announce(assignment, by.username());
        dispatcher.serve();
    }

    /** The agent no longer serves it, and the customer is told what happens now. */
    private void released(Routing routing, Handover why, Notice notice, String text) {
        dispatcher.released(routing, why);
        notices.tell(routing.id(), notice, text);
        dispatcher.serve();
    }
}
