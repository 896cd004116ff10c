package io.kefu.server.queue;

import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.Routing;
import io.kefu.server.system.SafeText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives waiting conversations to agents. Every assignment (routing, an agent picking, a supervisor taking over)
 * runs under the one database lock, so a conversation goes to one agent only and capacities hold, however many
 * threads and nodes assign at once.
 */
@Component
public class Router {

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final TransactionTemplate tx;
    private final Clock clock;

    Router(ConversationStore conversations, AgentStore agents, PlatformTransactionManager transactions,
           Clock handoffClock) {
        this.conversations = conversations;
        this.agents = agents;
        this.tx = new TransactionTemplate(transactions);
        this.clock = handoffClock;
    }

    /** A conversation given to an agent. */
    public record Assignment(String conversation, String agent, String displayName, String previousAgent,
                             Handover by) {
    }

    /**
     * Serves the queue in order: each waiting conversation goes to the online agent with free capacity (and the
     * conversation's skill group, if it has one) who has waited longest since their last assignment.
     */
    List<Assignment> dispatch() {
        return tx.execute(status -> {
            conversations.lockAssignments();
            List<Routing> queue = conversations.queue();
            if (queue.isEmpty()) return List.of();
            var free = new ArrayList<>(agents.agents().stream()
                    .filter(a -> a.connected() && a.status() == AgentStatus.ONLINE && a.free()).toList());
            var done = new ArrayList<Assignment>();
            Instant now = clock.instant();
            for (Routing waiting : queue) {
                if (free.isEmpty()) break;
                AgentStore.Agent agent = free.stream()
                        .filter(a -> waiting.skillGroup() == null || a.skills().contains(waiting.skillGroup()))
                        .findFirst().orElse(null);
                if (agent == null || !assign(waiting.id(), agent.username(), now, true)) continue;
                done.add(new Assignment(waiting.id(), agent.username(), agent.displayName(), null, Handover.ROUTING));
                free.remove(agent);
                AgentStore.Agent served = agent.servedOneMore(now);
                if (served.free()) free.add(served); // now the one who waited least
            }
            return done;
        });
    }

    /**
     * An agent takes a waiting conversation from the queue; capacity applies. A conversation that is not waiting
     * and one that does not exist are refused alike, so that picking teaches nothing about others' conversations.
     */
    public Assignment pick(String agentName, String conversationId) {
        return tx.execute(status -> {
            conversations.lockAssignments();
            conversations.routing(conversationId).filter(r -> r.open() && r.handoff() == HandoffState.WAITING)
                    .orElseThrow(Router::notWaiting);
            AgentStore.Agent agent = agentOrFail(agentName);
            if (!agent.free()) throw new HandoffException("full", "您的接待量已满（" + agent.capacity() + " 个），请先结束其他会话。");
            if (!assign(conversationId, agentName, clock.instant(), true)) throw notWaiting();
            return new Assignment(conversationId, agentName, agent.displayName(), null, Handover.PICK);
        });
    }

    /**
     * Gives an open conversation (with the bot, waiting, or another agent's) to an agent.
     *
     * @param checkCapacity whether the receiving agent's capacity applies (a transfer) or not (a supervisor's
     *                      takeover or reassignment)
     */
    public Assignment give(String conversationId, String agentName, boolean checkCapacity, Handover by) {
        return tx.execute(status -> {
            conversations.lockAssignments();
            Routing routing = conversations.routing(conversationId).filter(Routing::open)
                    .orElseThrow(HandoffException::notFound);
            AgentStore.Agent agent = agentOrFail(agentName);
            if (routing.servedBy(agentName)) throw new HandoffException("already_yours", "这个会话已由该客服接待。");
            if (checkCapacity && (!agent.connected() || agent.status() == AgentStatus.AWAY)) {
                throw new HandoffException("unavailable", "客服 " + agent.displayName() + " 当前不在线，无法转接。");
            }
            if (checkCapacity && !agent.free()) {
                throw new HandoffException("full", "客服 " + agent.displayName() + " 的接待量已满，无法转接。");
            }
            assign(conversationId, agentName, clock.instant(), false);
            String previous = routing.handoff() == HandoffState.AGENT ? routing.agent() : null;
            return new Assignment(conversationId, agentName, agent.displayName(), previous, by);
        });
    }

    private boolean assign(String conversationId, String agent, Instant now, boolean onlyIfWaiting) {
        boolean assigned = conversations.assign(conversationId, agent, now, onlyIfWaiting);
        if (assigned) agents.assignedTo(agent, now);
        return assigned;
    }

    private static HandoffException notWaiting() {
        return new HandoffException("not_waiting", "这个会话不在排队中，可能已被接入或已结束。");
    }

    private AgentStore.Agent agentOrFail(String username) {
        return agents.agent(username).orElseThrow(() -> new HandoffException("no_agent", "没有这个客服账号：" + SafeText.clean(username)));
    }
}
