package io.kefu.server.handoff;

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
class Router {

    private final HandoffStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    Router(HandoffStore store, PlatformTransactionManager transactions, Clock handoffClock) {
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.clock = handoffClock;
    }

    /** A conversation given to an agent. */
    record Assignment(String conversation, String agent, String displayName, String previousAgent, String by) {
    }

    /**
     * Serves the queue in order: each waiting conversation goes to the online agent with free capacity (and the
     * conversation's skill group, if it has one) who has waited longest since their last assignment.
     */
    List<Assignment> dispatch() {
        return tx.execute(status -> {
            store.lock();
            List<HandoffStore.Routed> queue = store.queue();
            if (queue.isEmpty()) return List.of();
            var agents = new ArrayList<>(store.agents().stream()
                    .filter(a -> a.connected() && "online".equals(a.status()) && a.free()).toList());
            var done = new ArrayList<Assignment>();
            Instant now = clock.instant();
            for (HandoffStore.Routed waiting : queue) {
                if (agents.isEmpty()) break;
                HandoffStore.Agent agent = agents.stream()
                        .filter(a -> waiting.skillGroup() == null || a.skills().contains(waiting.skillGroup()))
                        .findFirst().orElse(null);
                if (agent == null || !store.assignWaiting(waiting.id(), agent.username(), now)) continue;
                done.add(new Assignment(waiting.id(), agent.username(), agent.displayName(), null, "routing"));
                agents.remove(agent);
                var served = new HandoffStore.Agent(agent.username(), agent.displayName(), agent.status(),
                        agent.sockets(), agent.capacity(), agent.skills(), now, agent.active() + 1);
                if (served.free()) agents.add(served); // now the one who waited least
            }
            return done;
        });
    }

    /** An agent takes a waiting conversation from the queue; capacity applies. */
    Assignment pick(String agentName, String conversationId) {
        return tx.execute(status -> {
            store.lock();
            HandoffStore.Routed routed = store.find(conversationId)
                    .orElseThrow(() -> new HandoffException("not_found", "会话不存在。"));
            if (!routed.open() || !"waiting".equals(routed.handoff())) {
                throw new HandoffException("not_waiting", "这个会话已被接入或已结束。");
            }
            HandoffStore.Agent agent = agentOrFail(agentName);
            if (!agent.free()) throw new HandoffException("full", "您的接待量已满（" + agent.capacity() + " 个），请先结束其他会话。");
            if (!store.assignWaiting(conversationId, agentName, clock.instant())) {
                throw new HandoffException("not_waiting", "这个会话已被接入或已结束。");
            }
            return new Assignment(conversationId, agentName, agent.displayName(), null, "pick");
        });
    }

    /**
     * Gives an open conversation (with the bot, waiting, or another agent's) to an agent.
     *
     * @param checkCapacity whether the receiving agent's capacity applies (a transfer) or not (a supervisor's
     *                      takeover or reassignment)
     */
    Assignment give(String conversationId, String agentName, boolean checkCapacity, String by) {
        return tx.execute(status -> {
            store.lock();
            HandoffStore.Routed routed = store.find(conversationId)
                    .filter(HandoffStore.Routed::open)
                    .orElseThrow(() -> new HandoffException("not_found", "会话不存在或已结束。"));
            HandoffStore.Agent agent = agentOrFail(agentName);
            if (agentName.equals(routed.agent()) && "agent".equals(routed.handoff())) {
                throw new HandoffException("already_yours", "这个会话已由该客服接待。");
            }
            if (checkCapacity && (!agent.connected() || "away".equals(agent.status()))) {
                throw new HandoffException("unavailable", "客服 " + agent.displayName() + " 当前不在线，无法转接。");
            }
            if (checkCapacity && !agent.free()) {
                throw new HandoffException("full", "客服 " + agent.displayName() + " 的接待量已满，无法转接。");
            }
            store.assignAny(conversationId, agentName, clock.instant());
            String previous = "agent".equals(routed.handoff()) ? routed.agent() : null;
            return new Assignment(conversationId, agentName, agent.displayName(), previous, by);
        });
    }

    private HandoffStore.Agent agentOrFail(String username) {
        return store.agent(username).orElseThrow(() -> new HandoffException("no_agent", "没有这个客服账号：" + username));
    }
}
