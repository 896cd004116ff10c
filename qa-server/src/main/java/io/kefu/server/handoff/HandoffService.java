package io.kefu.server.handoff;

import io.kefu.server.chat.ChatMessage;
import io.kefu.server.chat.ChatService;
import io.kefu.server.chat.CustomerSockets;
import io.kefu.server.chat.HandoffEvents;
import io.kefu.server.chat.Sender;
import io.kefu.server.cluster.ClusterBus;
import io.kefu.server.cluster.ClusterEvent;
import io.kefu.server.staff.AuditLog;
import io.kefu.server.system.BotConfiguration;
import io.kefu.server.system.KefuProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.kefu.server.handoff.ConversationAccess.requireSupervisor;
import static io.kefu.server.handoff.ConversationAccess.required;

/**
 * Conversations between the bot, the queue and agents: escalation, leaving a message outside service hours, the
 * queue's positions, and what agents do with conversations (docs/agents.md). The state lives in the database, so
 * any node can continue what another started; the periodic {@link #sweep} lets every node serve the queue and
 * notice agents whose consoles are gone.
 */
@Service
class HandoffService implements HandoffEvents {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    /** Handed back by a disconnected agent or transferred: they were being served, so they go first. */
    static final int PRIORITY_RESUMED = 3;
    /** Complaints and VIP customers. */
    static final int PRIORITY_FIRST = 2;
    static final int PRIORITY_NORMAL = 0;
    static final int MAX_NOTE_LENGTH = 2000;
    static final Set<String> STATUSES = Set.of("online", "busy", "away");

    private final HandoffStore store;
    private final Router router;
    private final ChatService chat;
    private final CustomerSockets customers;
    private final AgentConsoles consoles;
    private final AgentAssist assist;
    private final ConsoleViews views;
    private final ConversationAccess access;
    private final ServiceHours hours;
    private final KefuProperties.Handoff settings;
    private final int maxMessageLength;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ClusterBus cluster;
    /** The queue as last shown, so that an unchanged queue is not sent again every sweep; null: show it again. */
    private volatile List<String> shownQueue;
    /** This node's console counts change one at a time (a node's row is created by its first console). */
    private final Object presenceLock = new Object();
    /** The position each waiting customer on this node was last told, so that they hear only of changes. */
    private final Map<String, Integer> toldPositions = new ConcurrentHashMap<>();

    HandoffService(HandoffStore store, Router router, ChatService chat, CustomerSockets customers,
                   AgentConsoles consoles, AgentAssist assist, ConsoleViews views, ConversationAccess access,
                   ServiceHours hours, KefuProperties properties,
                   AuditLog audit, Clock handoffClock, PlatformTransactionManager transactions, ClusterBus cluster) {
        this.store = store;
        this.router = router;
        this.chat = chat;
        this.customers = customers;
        this.consoles = consoles;
        this.assist = assist;
        this.views = views;
        this.access = access;
        this.hours = hours;
        this.settings = properties.handoff();
        this.maxMessageLength = properties.chat().maxMessageLength() * 4;
        this.audit = audit;
        this.clock = handoffClock;
        this.tx = new TransactionTemplate(transactions);
        this.cluster = cluster;
        cluster.onEvent(this::onOtherNode);
    }

    // ---------------------------------------------------------------- what the customer side reports

    @Override
    public void connected(String conversationId) {
        if (store.handoffOf(conversationId).filter("waiting"::equals).isEmpty()) return;
        int position = position(conversationId);
        if (position > 0) customers.queue(conversationId, position, position * secondsPerPlace());
    }

    @Override
    public void added(String conversationId, String agent, List<ChatMessage> messages) {
        if (messages.isEmpty()) return;
        boolean handedOff = agent != null
                || messages.stream().anyMatch(m -> m.sender() == Sender.AGENT || m.sender() == Sender.SYSTEM);
        if (handedOff) {
            cluster.publish(ClusterEvent.messages(conversationId, agent, messages.get(0).seq(),
                    messages.get(messages.size() - 1).seq()));
        }
        showAdded(conversationId, agent, messages);
    }

    /** Shows new messages to the consoles on this node that see the conversation. */
    private void showAdded(String conversationId, String agent, List<ChatMessage> messages) {
        if (consoles.isEmpty()) return;
        for (ChatMessage message : messages) {
            consoles.toConversation(conversationId, agent, new AgentFrames.MessageFrame("message", conversationId,
                    AgentFrames.Message.of(message, null)));
        }
        ChatMessage last = messages.get(messages.size() - 1);
        if (agent != null && last.sender() == Sender.CUSTOMER && consoles.connected(agent)) {
            consoles.toAgent(agent, new AgentFrames.Suggestions("suggestions", conversationId,
                    assist.suggest(last.text())));
        }
    }

    @Override
    public void customerTyping(String conversationId, boolean on) {
        String agent = store.find(conversationId).filter(r -> "agent".equals(r.handoff()))
                .map(HandoffStore.Routed::agent).orElse(null);
        if (agent == null) return;
        cluster.publish(ClusterEvent.typing(conversationId, agent, "customer", on));
        consoles.toConversation(conversationId, agent,
                new AgentFrames.Typing("typing", conversationId, "customer", on));
    }

    @Override
    public void escalate(String conversationId, String reason) {
        Instant now = clock.instant();
        if (!hours.open(now)) {
            leaveMessage(conversationId, "当前为非人工服务时间（服务时间：" + hours.describe() + "）。");
            return;
        }
        if (store.connectedAgents() == 0) {
            leaveMessage(conversationId, "当前暂无人工客服在线。");
            return;
        }
        HandoffStore.Routed routed = store.find(conversationId).orElse(null);
        if (routed == null) return;
        int priority = "complaint".equals(reason) || routed.vip() ? PRIORITY_FIRST : PRIORITY_NORMAL;
        if (!store.enqueue(conversationId, priority, reason, now)) return; // already queued or with an agent
        int position = Math.max(1, position(conversationId));
        String place = position == 1 ? "您是下一位" : "您前面还有 " + (position - 1) + " 位";
        say(conversationId, "queued", "已为您接入人工客服排队，" + place + "，预计等待约 "
                + minutes(position * secondsPerPlace()) + " 分钟。排队期间我会继续回答您的问题。");
        serveQueue();
    }

    @Override
    public void closedByCustomer(String conversationId, ChatMessage notice) {
        HandoffStore.Routed routed = store.find(conversationId).orElse(null);
        if (routed == null || "bot".equals(routed.handoff())) return;
        added(conversationId, routed.agent(), List.of(notice));
        released(routed, "closed");
        serveQueue();
    }

    /** Outside service hours or with nobody signed in: say so, and take a message with contact details. */
    private void leaveMessage(String conversationId, String why) {
        say(conversationId, "leave_message", why + "您可以留下联系方式和问题，我们会尽快与您联系。");
        for (ChatMessage asked : chat.startForm(conversationId, BotConfiguration.LEAVE_MESSAGE_INTENT)) {
            customers.deliver(conversationId, asked);
        }
    }

    // ---------------------------------------------------------------- agent consoles

    void consoleOpened(AgentConsole console) {
        synchronized (presenceLock) {
            tx.executeWithoutResult(s -> store.connected(console.username(), clock.instant()));
        }
        sendMe(console);
        consoles.send(console, views.queue(store.queue()));
        consoles.send(console, views.mine(console.username()));
        if (console.supervisor()) {
            consoles.send(console, views.agents());
            consoles.send(console, views.live());
        }
        serveQueue();
        agentsChanged();
    }

    void consoleClosed(AgentConsole console) {
        synchronized (presenceLock) {
            tx.executeWithoutResult(s -> store.disconnected(console.username(), clock.instant()));
        }
        agentsChanged();
    }

    /** Supervisors on every node see the agents' statuses and loads. */
    private void agentsChanged() {
        consoles.toSupervisors(views.agents());
        cluster.publish(ClusterEvent.queue());
    }

    void status(AgentConsole console, String status) {
        if (!STATUSES.contains(status)) throw new HandoffException("bad_status", "状态只能是 online、busy 或 away。");
        tx.executeWithoutResult(s -> store.status(console.username(), status, clock.instant()));
        for (AgentConsole mine : consoles.all()) {
            if (mine.username().equals(console.username())) sendMe(mine);
        }
        agentsChanged();
        if ("online".equals(status)) serveQueue();
    }

    void pick(AgentConsole console, String conversationId) {
        announce(router.pick(console.username(), conversationId), console.username());
        serveQueue();
    }

    void takeover(AgentConsole console, String conversationId) {
        requireSupervisor(console);
        announce(router.give(conversationId, console.username(), false, "takeover"), console.username());
        serveQueue();
    }

    void reassign(AgentConsole console, String conversationId, String agent) {
        requireSupervisor(console);
        announce(router.give(conversationId, required(agent, "agent"), false, "reassign"), console.username());
        serveQueue();
    }

    void transferToAgent(AgentConsole console, String conversationId, String agent) {
        access.requireServing(console, conversationId);
        if (console.username().equals(agent)) throw new HandoffException("already_yours", "不能转接给自己。");
        announce(router.give(conversationId, required(agent, "agent"), true, "transfer"), console.username());
        serveQueue();
    }

    void transferToGroup(AgentConsole console, String conversationId, String group) {
        HandoffStore.Routed routed = access.requireServing(console, conversationId);
        String skill = required(group, "group");
        boolean anyone = store.agents().stream().anyMatch(a -> a.skills().contains(skill));
        if (!anyone) throw new HandoffException("no_group", "没有这个技能组：" + skill);
        if (!tx.execute(s -> store.requeue(conversationId, PRIORITY_RESUMED, skill, clock.instant()))) {
            throw new HandoffException("not_found", "会话不存在或已结束。");
        }
        audit.record(console.username(), "transfer", conversationId, "group=" + skill, null);
        released(routed, "transfer");
        say(conversationId, "transferred", "正在为您转接至其他客服，请稍候。");
        serveQueue();
    }

    void handBack(AgentConsole console, String conversationId) {
        HandoffStore.Routed routed = access.requireServing(console, conversationId);
        if (!tx.execute(s -> store.toBot(conversationId))) throw new HandoffException("not_found", "会话不存在或已结束。");
        audit.record(console.username(), "handback", conversationId, null, null);
        released(routed, "handback");
        say(conversationId, "handback", "人工客服已结束接待，接下来由智能客服继续为您服务。如需人工帮助，请随时回复“转人工”。");
        serveQueue();
    }

    void close(AgentConsole console, String conversationId, String tag) {
        HandoffStore.Routed routed = access.requireServing(console, conversationId);
        if (tag != null && !settings.closeTags().contains(tag)) {
            throw new HandoffException("bad_tag", "请从以下分类中选择：" + String.join("、", settings.closeTags()));
        }
        ChatMessage closed = chat.close(conversationId, tag)
                .orElseThrow(() -> new HandoffException("not_found", "会话不存在或已结束。"));
        customers.deliver(conversationId, closed);
        audit.record(console.username(), "close", conversationId, tag == null ? null : "tag=" + tag, null);
        added(conversationId, routed.agent(), List.of(closed));
        released(routed, "closed");
        serveQueue();
    }

    ChatMessage reply(AgentConsole console, String conversationId, String text) {
        HandoffStore.Routed routed = access.requireAssigned(console, conversationId);
        String body = text(text);
        ChatMessage said = chat.say(conversationId, Sender.AGENT, "text", body, console.displayName())
                .orElseThrow(() -> new HandoffException("not_found", "会话已结束。"));
        customers.deliver(conversationId, said);
        customers.agentTyping(conversationId, false);
        added(conversationId, routed.agent(), List.of(said)); // and to the customer's node, if another
        return said;
    }

    void typing(AgentConsole console, String conversationId, boolean on) {
        access.requireAssigned(console, conversationId);
        cluster.publish(ClusterEvent.typing(conversationId, console.username(), "agent", on));
        customers.agentTyping(conversationId, on);
    }

    void note(AgentConsole console, String conversationId, String text) {
        HandoffStore.Routed routed = access.requireServing(console, conversationId);
        String body = text(text);
        if (body.length() > MAX_NOTE_LENGTH) throw new HandoffException("too_long", "备注请控制在 2000 字以内。");
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> store.insertNote(conversationId, console.username(), body, now));
        consoles.toConversation(conversationId, routed.agent(), new AgentFrames.NoteFrame("note", conversationId,
                new AgentFrames.Note(console.username(), body, now.toString())));
    }

    AgentFrames.Transcript open(AgentConsole console, String conversationId, String ref) {
        HandoffStore.Routed routed = access.requireServing(console, conversationId);
        console.watching().add(conversationId);
        List<AgentFrames.Message> messages = chat.transcript(conversationId).stream()
                .map(line -> AgentFrames.Message.of(line.message(), line.decisionKind() == null ? null
                        : new AgentFrames.Decision(line.decisionKind(), line.matchedId(),
                        assistQuestion(line.matchedId())))).toList();
        var notes = store.notes(conversationId).stream()
                .map(n -> new AgentFrames.Note(n.author(), n.text(), n.at().toString())).toList();
        return new AgentFrames.Transcript("transcript", conversationId, routed.open() ? routed.handoff() : "closed",
                routed.agent(), messages, notes, ref);
    }

    AgentFrames.Suggestions suggest(AgentConsole console, String conversationId, String text) {
        HandoffStore.Routed routed = access.requireServing(console, conversationId);
        String question = text == null || text.isBlank() ? routed.lastMessage() : text;
        return new AgentFrames.Suggestions("suggestions", conversationId, assist.suggest(question));
    }

    private String assistQuestion(String matchedId) {
        return matchedId == null ? null : assist.question(matchedId);
    }

    // ---------------------------------------------------------------- the queue

    /**
     * Every node, every {@code kefu.handoff.sweep-interval}: agents whose consoles have been gone for the grace
     * period lose their conversations to the head of the queue, and the queue is served.
     */
    @Scheduled(fixedDelayString = "${kefu.handoff.sweep-interval:1s}",
            initialDelayString = "${kefu.handoff.sweep-interval:1s}")
    void sweep() {
        try {
            Instant now = clock.instant();
            tx.executeWithoutResult(status -> {
                store.heartbeat(now);
                store.forgetDeadNodes(now);
            });
            for (String agent : store.gone(now.minus(settings.gracePeriod()))) requeueAll(agent);
            serveQueue();
        } catch (RuntimeException e) {
            log.warn("hand-off sweep failed; trying again at the next one", e);
        }
    }

    private void requeueAll(String agent) {
        List<HandoffStore.Routed> served = tx.execute(s -> {
            store.status(agent, "offline", clock.instant());
            List<HandoffStore.Routed> mine = store.servedBy(agent);
            for (HandoffStore.Routed routed : mine) {
                store.requeue(routed.id(), PRIORITY_RESUMED, routed.skillGroup(), clock.instant());
            }
            return mine;
        });
        for (HandoffStore.Routed routed : served) {
            audit.record("system", "requeue", routed.id(), "agent " + agent + " disconnected", null);
            say(routed.id(), "requeued", "人工客服的连接中断了，正在为您重新转接其他客服，请稍候。");
        }
        consoles.toSupervisors(views.agents());
    }

    /** Gives waiting conversations to free agents and shows everyone, on every node, the queue as it is now. */
    private void serveQueue() {
        if (showQueue()) cluster.publish(ClusterEvent.queue());
    }

    /** {@link #serveQueue} on this node only; true when the queue changed since it was last shown here. */
    private boolean showQueue() {
        for (Router.Assignment assignment : router.dispatch()) announce(assignment, "routing");
        List<HandoffStore.Routed> queue = store.queue();
        List<String> now = queue.stream().map(HandoffStore.Routed::id).toList();
        if (now.equals(shownQueue)) return false;
        shownQueue = now;
        consoles.toEveryone(views.queue(queue));
        toldPositions.keySet().retainAll(now);
        long perPlace = queue.isEmpty() ? 0 : secondsPerPlace();
        for (int i = 0; i < queue.size(); i++) {
            String id = queue.get(i).id();
            Integer told = toldPositions.put(id, i + 1);
            if (customers.connected(id) && (told == null || told != i + 1)) {
                customers.queue(id, i + 1, (i + 1) * perPlace);
            }
        }
        if (!consoles.isEmpty()) {
            consoles.toSupervisors(views.live());
            consoles.toSupervisors(views.agents());
        }
        return true;
    }

    /** What another node did, shown to the sockets on this one. */
    private void onOtherNode(ClusterEvent event) {
        switch (event.type()) {
            case "messages" -> {
                List<ChatMessage> messages = chat.messages(event.conversation(), event.fromSeq(), event.toSeq());
                for (ChatMessage message : messages) {
                    if (message.sender() != Sender.CUSTOMER) customers.deliver(event.conversation(), message);
                }
                showAdded(event.conversation(), event.agent(), messages);
            }
            case "typing" -> {
                boolean on = Boolean.TRUE.equals(event.on());
                if ("agent".equals(event.from())) customers.agentTyping(event.conversation(), on);
                else consoles.toConversation(event.conversation(), event.agent(),
                        new AgentFrames.Typing("typing", event.conversation(), "customer", on));
            }
            case "assigned" -> {
                consoles.toAgent(event.agent(),
                        new AgentFrames.Assigned("assigned", event.conversation(), event.why()));
                sendMine(event.agent());
            }
            case "released" -> {
                consoles.toAgent(event.agent(),
                        new AgentFrames.Released("released", event.conversation(), event.why()));
                sendMine(event.agent());
            }
            case "queue" -> {
                shownQueue = null;
                showQueue();
            }
            default -> log.debug("ignored cluster event {}", event.type());
        }
    }

    /** Tells the customer, the new agent, and the previous one, and writes the audit log. */
    private void announce(Router.Assignment assignment, String actor) {
        audit.record(actor, assignment.by(), assignment.conversation(), "to " + assignment.agent(), null);
        say(assignment.conversation(), "agent_joined", "人工客服 " + assignment.displayName() + " 已接入，将为您服务。");
        consoles.toAgent(assignment.agent(), new AgentFrames.Assigned("assigned", assignment.conversation(),
                assignment.by()));
        cluster.publish(ClusterEvent.assigned(assignment.conversation(), assignment.agent(), assignment.by()));
        sendMine(assignment.agent());
        if (assignment.previousAgent() != null && !assignment.previousAgent().equals(assignment.agent())) {
            consoles.toAgent(assignment.previousAgent(), new AgentFrames.Released("released",
                    assignment.conversation(), assignment.by()));
            cluster.publish(ClusterEvent.released(assignment.conversation(), assignment.previousAgent(),
                    assignment.by()));
            sendMine(assignment.previousAgent());
        }
        shownQueue = null; // the queue moved: show it again
    }

    private void released(HandoffStore.Routed routed, String why) {
        if (routed.agent() == null || !"agent".equals(routed.handoff())) return;
        consoles.toAgent(routed.agent(), new AgentFrames.Released("released", routed.id(), why));
        cluster.publish(ClusterEvent.released(routed.id(), routed.agent(), why));
        sendMine(routed.agent());
        shownQueue = null;
    }

    /** The conversation's place in the queue (1: next), or 0 when it is not waiting. */
    private int position(String conversationId) {
        List<HandoffStore.Routed> queue = store.queue();
        for (int i = 0; i < queue.size(); i++) if (queue.get(i).id().equals(conversationId)) return i + 1;
        return 0;
    }

    /** The estimated wait per place in the queue: average handling time ÷ agents online (at least one). */
    private long secondsPerPlace() {
        return settings.averageHandleTime().toSeconds() / Math.max(1, store.onlineAgents());
    }

    private static long minutes(long seconds) {
        return Math.max(1, Duration.ofSeconds(seconds).toMinutes() + (seconds % 60 == 0 ? 0 : 1));
    }

    /** A system notice in the conversation, stored and sent to the customer and the agents who see it. */
    private void say(String conversationId, String kind, String text) {
        Optional<ChatMessage> said = chat.say(conversationId, Sender.SYSTEM, kind, text, null);
        said.ifPresent(message -> {
            customers.deliver(conversationId, message);
            String agent = store.find(conversationId).map(HandoffStore.Routed::agent).orElse(null);
            added(conversationId, agent, List.of(message));
        });
    }

    private void sendMe(AgentConsole console) {
        AgentFrames.Me me = views.me(console);
        if (me != null) consoles.send(console, me);
    }

    private void sendMine(String agent) {
        if (consoles.connected(agent)) consoles.toAgent(agent, views.mine(agent));
    }

    /** A text an agent wrote: not blank, not too long. */
    private String text(String text) {
        if (text == null || text.isBlank()) throw new HandoffException("empty_message", "消息不能为空。");
        String body = text.strip();
        if (body.length() > maxMessageLength) {
            throw new HandoffException("too_long", "消息太长了，请控制在 " + maxMessageLength + " 个字以内。");
        }
        return body;
    }
}
