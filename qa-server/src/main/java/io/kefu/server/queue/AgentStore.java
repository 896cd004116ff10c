package io.kefu.server.queue;

import io.kefu.server.cluster.NodeId;
import io.kefu.server.system.KefuProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agents as routing sees them, shared by every node: the owner of {@code agent_presence} (status, last assignment)
 * and {@code console_sockets} (open consoles per node), read with the accounts and their current loads. Plain JDBC;
 * callers hold the transaction.
 */
@Repository
public class AgentStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration nodeTimeout;
    private final String node;

    AgentStore(JdbcClient jdbc, Clock handoffClock, KefuProperties properties, NodeId node) {
        this.jdbc = jdbc;
        this.clock = handoffClock;
        this.nodeTimeout = properties.handoff().nodeTimeout();
        this.node = node.value();
    }

    /** Console counts of nodes heard from since then are believed; older ones belong to dead nodes. */
    private Instant liveSince() {
        return clock.instant().minus(nodeTimeout);
    }

    /** An agent as routing sees them. */
    public record Agent(String username, String displayName, AgentStatus status, int sockets, int capacity,
                        Set<String> skills, Instant lastAssignedAt, int active) {

        public boolean connected() {
            return sockets > 0;
        }

        public boolean free() {
            return active < capacity;
        }

        /** The same agent with one more conversation, assigned at {@code now}. */
        Agent servedOneMore(Instant now) {
            return new Agent(username, displayName, status, sockets, capacity, skills, now, active + 1);
        }
    }

    /** Every agent account with its presence and current load, longest since their last assignment first. */
    public List<Agent> agents() {
        return jdbc.sql(AGENTS + "order by p.last_assigned_at nulls first, s.username")
                .param(at(liveSince())).query(AgentStore::agent).list();
    }

    public Optional<Agent> agent(String username) {
        return jdbc.sql(AGENTS + "and s.username = ?").params(at(liveSince()), username)
                .query(AgentStore::agent).optional();
    }

    /** Enabled agents with their presence, live console sockets and current load; ends with a where clause. */
    private static final String AGENTS = "select s.username, s.display_name, s.capacity, s.skills, p.status, "
            + "p.last_assigned_at, (select coalesce(sum(k.sockets), 0) from console_sockets k "
            + "where k.username = s.username and k.seen_at > ?) as sockets, "
            + "(select count(*) from conversations c where c.agent = s.username "
            + "and c.handoff = 'agent' and c.status = 'open') as active "
            + "from staff s join agent_presence p on p.username = s.username where s.enabled ";

    /** Agents with a console open on a live node (in any status). */
    long connectedAgents() {
        return jdbc.sql("select count(distinct username) from console_sockets where sockets > 0 and seen_at > ?")
                .param(at(liveSince())).query(Long.class).single();
    }

    /** Agents who take new conversations now. */
    long onlineAgents() {
        return jdbc.sql("select count(distinct k.username) from console_sockets k join agent_presence p "
                        + "on p.username = k.username where k.sockets > 0 and k.seen_at > ? and p.status = 'online'")
                .param(at(liveSince())).query(Long.class).single();
    }

    /** Routing gave the agent a conversation: they go to the back of the line for the next one. */
    void assignedTo(String agent, Instant now) {
        jdbc.sql("update agent_presence set last_assigned_at = ? where username = ?").params(at(now), agent).update();
    }

    /** One more console socket on this node; an agent coming back from offline starts online. */
    public void connected(String username, Instant now) {
        int updated = jdbc.sql("update console_sockets set sockets = sockets + 1, seen_at = ? where node = ? "
                + "and username = ?").params(at(now), node, username).update();
        if (updated == 0) {
            // the node's first console of this agent; the caller serialises a node's presence changes
            jdbc.sql("insert into console_sockets (node, username, sockets, seen_at) values (?, ?, 1, ?)")
                    .params(node, username, at(now)).update();
        }
        jdbc.sql("update agent_presence set disconnected_at = null, updated_at = ?, "
                        + "status = case when status = 'offline' then 'online' else status end where username = ?")
                .params(at(now), username).update();
    }

    /** One console socket fewer on this node; with none left on any live node, the grace period starts. */
    public void disconnected(String username, Instant now) {
        jdbc.sql("update console_sockets set sockets = sockets - 1, seen_at = ? where node = ? and username = ? "
                + "and sockets > 0").params(at(now), node, username).update();
        startGraceIfGone(username, now);
    }

    private void startGraceIfGone(String username, Instant now) {
        jdbc.sql("update agent_presence set disconnected_at = ?, updated_at = ? where username = ? "
                        + "and disconnected_at is null and not exists (select 1 from console_sockets k "
                        + "where k.username = ? and k.sockets > 0 and k.seen_at > ?)")
                .params(at(now), at(now), username, username, at(liveSince())).update();
    }

    /** This node is alive: its console counts stay valid. */
    void heartbeat(Instant now) {
        jdbc.sql("update console_sockets set seen_at = ? where node = ?").params(at(now), node).update();
    }

    /**
     * Forgets the console counts of nodes silent for longer than {@code kefu.handoff.node-timeout} (they died
     * without closing their sockets); their agents' grace period starts now.
     */
    void forgetDeadNodes(Instant now) {
        Instant liveSince = liveSince();
        List<String> orphans = jdbc.sql("select distinct username from console_sockets where seen_at <= ?")
                .param(at(liveSince)).query(String.class).list();
        if (orphans.isEmpty()) return;
        jdbc.sql("delete from console_sockets where seen_at <= ?").param(at(liveSince)).update();
        for (String username : orphans) startGraceIfGone(username, now);
    }

    public void status(String username, AgentStatus status, Instant now) {
        jdbc.sql("update agent_presence set status = ?, updated_at = ? where username = ?")
                .params(status.wireName(), at(now), username).update();
    }

    /** Agents whose last console closed before {@code before} and who are not offline yet. */
    List<String> gone(Instant before) {
        return jdbc.sql("select username from agent_presence where status <> 'offline' and disconnected_at < ?")
                .param(at(before)).query(String.class).list();
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        Set<String> skills = Arrays.stream(rs.getString("skills").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        OffsetDateTime lastAssigned = rs.getObject("last_assigned_at", OffsetDateTime.class);
        return new Agent(rs.getString("username"), rs.getString("display_name"),
                AgentStatus.fromWireName(rs.getString("status")), rs.getInt("sockets"), rs.getInt("capacity"), skills,
                lastAssigned == null ? null : lastAssigned.toInstant(), rs.getInt("active"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
