package io.kefu.server.queue;

import io.kefu.server.cluster.ClusterBus;
import io.kefu.server.cluster.ClusterEvent;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.CustomerNotices;
import io.kefu.server.conversation.CustomerTexts;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.Notice;
import io.kefu.server.conversation.Routing;
import io.kefu.server.staff.AuditLog;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Serves the queue and tells everyone what moved: waiting conversations go to free agents, customers hear who
 * joined, consoles on every node see the queue as it is now. The state lives in the database, so any node can
 * continue what another started; the periodic {@link #sweep} lets every node serve the queue and notice agents
 * whose consoles are gone.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final Router router;
    private final WaitingNotices waiting;
    private final CustomerNotices notices;
    private final QueueListener consoles;
    private final ClusterBus cluster;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration gracePeriod;
    /** The queue as last shown, so that an unchanged queue is not sent again every sweep; null: show it again. */
    private volatile List<String> shownQueue;

    Dispatcher(ConversationStore conversations, AgentStore agents, Router router, WaitingNotices waiting,
               CustomerNotices notices, QueueListener consoles, ClusterBus cluster, AuditLog audit,
               Clock handoffClock, PlatformTransactionManager transactions, KefuProperties properties) {
        this.conversations = conversations;
        this.agents = agents;
        this.router = router;
        this.waiting = waiting;
        this.notices = notices;
        this.consoles = consoles;
        this.cluster = cluster;
        this.audit = audit;
        this.clock = handoffClock;
        this.tx = new TransactionTemplate(transactions);
        this.gracePeriod = properties.handoff().gracePeriod();
    }

    /** Gives waiting conversations to free agents and shows everyone, on every node, the queue as it is now. */
    public void serve() {
        if (show()) cluster.publish(new ClusterEvent.QueueChanged());
    }

    /** Another node changed the queue: serve it and show it here, changed or not. */
    public void showAgain() {
        shownQueue = null;
        show();
    }

    /** {@link #serve} on this node only; true when the queue changed since it was last shown here. */
    private boolean show() {
        for (Router.Assignment assignment : router.dispatch()) announce(assignment, Handover.ROUTING.wireName());
        List<Routing> queue = conversations.queue();
        List<String> now = queue.stream().map(Routing::id).toList();
        if (now.equals(shownQueue)) return false;
        shownQueue = now;
        consoles.queueChanged(queue);
        waiting.changed(queue);
        return true;
    }

    /** Supervisors on every node see the agents' statuses and loads. */
    public void agentsChanged() {
        consoles.agentsChanged();
        cluster.publish(new ClusterEvent.QueueChanged());
    }

    /** Tells the customer, the new agent, and the previous one, and writes the audit log. */
    public void announce(Router.Assignment assignment, String actor) {
        audit.record(actor, assignment.by().wireName(), assignment.conversation(), "to " + assignment.agent(), null);
        notices.tell(assignment.conversation(), Notice.AGENT_JOINED,
                CustomerTexts.agentJoined(assignment.displayName()));
        String by = assignment.by().wireName();
        consoles.assigned(assignment.conversation(), assignment.agent(), by);
        cluster.publish(new ClusterEvent.Assigned(assignment.conversation(), assignment.agent(), by));
        String previous = assignment.previousAgent();
        if (previous != null && !previous.equals(assignment.agent())) {
            consoles.released(assignment.conversation(), previous, by);
            cluster.publish(new ClusterEvent.Released(assignment.conversation(), previous, by));
        }
        shownQueue = null; // the queue moved: show it again
    }

    /** The conversation's agent no longer serves it ({@code why}: closed, handback, transfer). */
    public void released(Routing routing, Handover why) {
        if (routing.agent() == null || routing.handoff() != HandoffState.AGENT) return;
        consoles.released(routing.id(), routing.agent(), why.wireName());
        cluster.publish(new ClusterEvent.Released(routing.id(), routing.agent(), why.wireName()));
        shownQueue = null;
    }

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
                agents.heartbeat(now);
                agents.forgetDeadNodes(now);
            });
            for (String agent : agents.gone(now.minus(gracePeriod))) requeueAll(agent);
            serve();
        } catch (RuntimeException e) {
            if (StoreOutage.is(e)) {
                // every sweep interval while the database restarts: one line each, not a stack trace each
                log.warn("hand-off sweep skipped, the database is out of reach: {}", StoreOutage.summary(e));
                return;
            }
            log.warn("hand-off sweep failed; trying again at the next one", e);
        }
    }

    private void requeueAll(String agent) {
        List<Routing> served = tx.execute(s -> {
            agents.status(agent, AgentStatus.OFFLINE, clock.instant());
            List<Routing> mine = conversations.servedBy(agent);
            for (Routing routing : mine) {
                conversations.requeue(routing.id(), Priority.RESUMED.value(), routing.skillGroup(), clock.instant());
            }
            return mine;
        });
        for (Routing routing : served) {
            audit.record("system", "requeue", routing.id(), "agent " + agent + " disconnected", null);
            notices.tell(routing.id(), Notice.REQUEUED, CustomerTexts.REQUEUED);
        }
        consoles.agentsChanged();
    }
}
