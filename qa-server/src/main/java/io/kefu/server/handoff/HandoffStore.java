package io.kefu.server.handoff;

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
 * The hand-off state in the database, shared by every node: the queue, who serves which conversation, agents'
 * presence, notes. Plain JDBC; callers hold the transaction.
 */
@Repository
class HandoffStore {

    /** The customer's latest message, for queue and conversation lists. */
    private static final String LAST_CUSTOMER_TEXT = "(select m.body from messages m where m.conversation_id = c.id "
            + "and m.sender = 'customer' order by m.seq desc limit 1)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration nodeTimeout;
    private final String node;

    HandoffStore(JdbcClient jdbc, Clock handoffClock, KefuProperties properties, NodeId node) {
        this.jdbc = jdbc;
        this.clock = handoffClock;
        this.nodeTimeout = properties.handoff().nodeTimeout();
        this.node = node.value();
    }

    /** Console counts of nodes heard from since then are believed; older ones belong to dead nodes. */
    private Instant liveSince() {
        return clock.instant().minus(nodeTimeout);
    }

    /** Holds the one hand-off lock until the transaction ends: assignments happen one at a time, on all nodes. */
    void lock() {
        jdbc.sql("select id from handoff_lock where id = 1 for update").query(Integer.class).single();
    }

    /** A conversation as routing sees it. */
    record Routed(String id, String handoff, String agent, int priority, String reason, String skillGroup,
                  Instant queuedAt, boolean vip, boolean open, String channel, String lastMessage) {
    }

    Optional<Routed> find(String conversationId) {
        return jdbc.sql("select c.*, " + LAST_CUSTOMER_TEXT + " as last_text from conversations c where c.id = ?")
                .param(conversationId).query(HandoffStore::routed).optional();
    }

    /** Who answers the conversation: bot, waiting or agent. */
    Optional<String> handoffOf(String conversationId) {
        return jdbc.sql("select handoff from conversations where id = ?").param(conversationId).query(String.class)
                .optional();
    }

    /** Puts a conversation answered by the bot in the queue; false when it is not with the bot (or closed). */
    boolean enqueue(String conversationId, int priority, String reason, Instant now) {
        return jdbc.sql("update conversations set handoff = 'waiting', agent = null, priority = ?, handoff_reason = ?, "
                        + "skill_group = null, queued_at = ? where id = ? and status = 'open' and handoff = 'bot'")
                .params(priority, reason, at(now), conversationId).update() == 1;
    }

    /** The waiting conversations, first to serve first. */
    List<Routed> queue() {
        return jdbc.sql("select c.*, " + LAST_CUSTOMER_TEXT + " as last_text from conversations c "
                        + "where c.handoff = 'waiting' and c.status = 'open' "
                        + "order by c.priority desc, c.queued_at, c.id")
                .query(HandoffStore::routed).list();
    }

    /** The open conversations an agent serves. */
    List<Routed> servedBy(String agent) {
        return jdbc.sql("select c.*, " + LAST_CUSTOMER_TEXT + " as last_text from conversations c "
                        + "where c.agent = ? and c.handoff = 'agent' and c.status = 'open' order by c.assigned_at")
                .param(agent).query(HandoffStore::routed).list();
    }

    /** The latest open conversations, whoever answers them (the supervisor's live list). */
    List<Routed> live(int limit) {
        return jdbc.sql("select c.*, " + LAST_CUSTOMER_TEXT + " as last_text from conversations c "
                        + "where c.status = 'open' order by c.handoff desc, c.created_at desc")
                .withMaxRows(limit).query(HandoffStore::routed).list();
    }

    /** Gives a waiting conversation to an agent; false when it is no longer waiting. */
    boolean assignWaiting(String conversationId, String agent, Instant now) {
        return assign(conversationId, agent, now, " and handoff = 'waiting'");
    }

    /** Gives an open conversation to an agent, whoever had it (takeover, reassign, transfer). */
    boolean assignAny(String conversationId, String agent, Instant now) {
        return assign(conversationId, agent, now, "");
    }

    private boolean assign(String conversationId, String agent, Instant now, String onlyIf) {
        boolean assigned = jdbc.sql("update conversations set handoff = 'agent', agent = ?, assigned_at = ? "
                        + "where id = ? and status = 'open'" + onlyIf)
                .params(agent, at(now), conversationId).update() == 1;
        if (assigned) assignedTo(agent, now);
        return assigned;
    }

    private void assignedTo(String agent, Instant now) {
        jdbc.sql("update agent_presence set last_assigned_at = ? where username = ?").params(at(now), agent).update();
    }

    /** Back to the queue with a priority (and for a skill group, or any agent when null). */
    boolean requeue(String conversationId, int priority, String skillGroup, Instant now) {
        return jdbc.sql("update conversations set handoff = 'waiting', agent = null, priority = ?, skill_group = ?, "
                        + "queued_at = ? where id = ? and status = 'open'")
                .params(priority, skillGroup, at(now), conversationId).update() == 1;
    }

    /** Back to the bot; the agent stays recorded as the one who served it. */
    boolean toBot(String conversationId) {
        return jdbc.sql("update conversations set handoff = 'bot', priority = 0, queued_at = null, skill_group = null "
                        + "where id = ? and status = 'open'").param(conversationId).update() == 1;
    }

    /** An agent as routing sees them. */
    record Agent(String username, String displayName, String status, int sockets, int capacity, Set<String> skills,
                 Instant lastAssignedAt, int active) {

        boolean connected() {
            return sockets > 0;
        }

        boolean free() {
            return active < capacity;
        }
    }

    /** Every agent account with its presence and current load, longest since their last assignment first. */
    List<Agent> agents() {
        return jdbc.sql(AGENTS + "order by p.last_assigned_at nulls first, s.username")
                .param(at(liveSince())).query(HandoffStore::agent).list();
    }

    Optional<Agent> agent(String username) {
        return jdbc.sql(AGENTS + "and s.username = ?").params(at(liveSince()), username)
                .query(HandoffStore::agent).optional();
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

    /** One more console socket on this node; an agent coming back from offline starts online. */
    void connected(String username, Instant now) {
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
    void disconnected(String username, Instant now) {
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

    void status(String username, String status, Instant now) {
        jdbc.sql("update agent_presence set status = ?, updated_at = ? where username = ?")
                .params(status, at(now), username).update();
    }

    /** Agents whose last console closed before {@code before} and who are not offline yet. */
    List<String> gone(Instant before) {
        return jdbc.sql("select username from agent_presence where status <> 'offline' and disconnected_at < ?")
                .param(at(before)).query(String.class).list();
    }

    void insertNote(String conversationId, String author, String text, Instant now) {
        jdbc.sql("insert into conversation_notes (conversation_id, author, body, created_at) values (?, ?, ?, ?)")
                .params(conversationId, author, text, at(now)).update();
    }

    /** A note on a conversation, for agents only. */
    record Note(String author, String text, Instant at) {
    }

    List<Note> notes(String conversationId) {
        return jdbc.sql("select author, body, created_at from conversation_notes where conversation_id = ? "
                        + "order by created_at").param(conversationId)
                .query((rs, row) -> new Note(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    private static Routed routed(ResultSet rs, int row) throws SQLException {
        return new Routed(rs.getString("id"), rs.getString("handoff"), rs.getString("agent"), rs.getInt("priority"),
                rs.getString("handoff_reason"), rs.getString("skill_group"), instant(rs, "queued_at"),
                rs.getBoolean("vip"), "open".equals(rs.getString("status")), rs.getString("channel"),
                rs.getString("last_text"));
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        Set<String> skills = Arrays.stream(rs.getString("skills").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new Agent(rs.getString("username"), rs.getString("display_name"), rs.getString("status"),
                rs.getInt("sockets"), rs.getInt("capacity"), skills, instant(rs, "last_assigned_at"),
                rs.getInt("active"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
