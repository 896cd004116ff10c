package io.kefu.server.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A small fixed history in March 2025 (Asia/Shanghai), written straight into the tables the reports read, with
 * every figure it should give worked out by hand in {@link AnalyticsIT}. Ids carry a random suffix so that the
 * history can be written into a database other tests use.
 */
final class ServiceHistory {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String BALANCE = "tel-billing-001";
    static final String NEGATIVE = "tel-billing-002";

    private final JdbcClient jdbc;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** Weeks the whole history is moved back (weekdays stay), so that two tests sharing a database do not meet. */
    private final int weeksEarlier;

    ServiceHistory(JdbcClient jdbc) {
        this(jdbc, 0);
    }

    ServiceHistory(JdbcClient jdbc, int weeksEarlier) {
        this.jdbc = jdbc;
        this.weeksEarlier = weeksEarlier;
    }

    void write() {
        // 3 March (Monday): c1 answered and rated 5; c2 answered, but its visitor came back the same evening (c3);
        // c3 answered after one unanswered question; c4 asked for a person: 30 s in the queue, first reply after
        // 10 s, closed after 300 s, rated 4; c9 missed twice: 600 s queue, 5 s, 600 s, not rated
        conversation("c1", "v1", "web", "2025-03-03T10:00:00", null, null, null, null, "2025-03-03T10:03:00", 5);
        customer("c1", 1, "2025-03-03T10:00:05");
        bot("c1", 2, "2025-03-03T10:00:06", "answer", "话费怎么查", BALANCE);

        conversation("c2", "v2", "web", "2025-03-03T11:00:00", null, null, null, null, null, null);
        customer("c2", 1, "2025-03-03T11:00:05");
        bot("c2", 2, "2025-03-03T11:00:06", "answer", "查话费", BALANCE);

        conversation("c3", "v2", "web", "2025-03-03T20:00:00", null, null, null, null, null, null);
        customer("c3", 1, "2025-03-03T20:00:05");
        bot("c3", 2, "2025-03-03T20:00:06", "none", "怎么开发票", null);
        customer("c3", 3, "2025-03-03T20:01:00");
        bot("c3", 4, "2025-03-03T20:01:01", "answer", "话费为什么是负的", NEGATIVE);

        conversation("c4", "v3", "web", "2025-03-03T12:00:00", "human", "2025-03-03T12:00:10",
                "2025-03-03T12:00:40", "a1", "2025-03-03T12:05:40", 4);
        customer("c4", 1, "2025-03-03T12:00:05");
        bot("c4", 2, "2025-03-03T12:00:06", "handoff", "转人工", null);
        agent("c4", 3, "2025-03-03T12:00:50");
        agent("c4", 4, "2025-03-03T12:02:00");

        conversation("c9", "v8", "web", "2025-03-03T12:59:45", "no_answer", "2025-03-03T13:00:00",
                "2025-03-03T13:10:00", "a1", "2025-03-03T13:20:00", null);
        customer("c9", 1, "2025-03-03T12:59:50");
        bot("c9", 2, "2025-03-03T12:59:51", "none", "=cmd|计算器", null);
        customer("c9", 3, "2025-03-03T12:59:55");
        bot("c9", 4, "2025-03-03T12:59:56", "none", "=cmd|计算器", null);
        agent("c9", 5, "2025-03-03T13:10:05");

        // 4 March: c5 complained: 90 s, 20 s, 600 s, rated 2; c6 asked for a person at 23:00 Beijing time (15:00 UTC,
        // still the 4th here), no agent: taken as a message, rated 1; c7 opened the chat and wrote nothing
        conversation("c5", "v4", "web", "2025-03-04T09:00:00", "complaint", "2025-03-04T09:00:00",
                "2025-03-04T09:01:30", "a2", "2025-03-04T09:11:30", 2);
        customer("c5", 1, "2025-03-04T08:59:58");
        bot("c5", 2, "2025-03-04T08:59:59", "handoff", "我要投诉", null);
        agent("c5", 3, "2025-03-04T09:01:50");

        conversation("c6", "v5", "web", "2025-03-04T23:00:00", null, null, null, null, "2025-03-04T23:10:00", 1);
        customer("c6", 1, "2025-03-04T23:00:05");
        bot("c6", 2, "2025-03-04T23:00:06", "handoff", "转人工", null);

        conversation("c7", "v6", "web", "2025-03-04T10:00:00", null, null, null, null, null, null);

        // 10 March (the next Monday), another channel: answered, rated 3
        conversation("c8", "v7", "wechat", "2025-03-10T09:00:00", null, null, null, null, "2025-03-10T09:05:00", 3);
        customer("c8", 1, "2025-03-10T09:00:05");
        bot("c8", 2, "2025-03-10T09:00:06", "answer", "余额", BALANCE);

        // 2 March, 23:59 Beijing time: before the period
        conversation("c0", "v9", "web", "2025-03-02T23:59:00", "human", "2025-03-02T23:59:10",
                "2025-03-02T23:59:20", "a1", null, 5);
        customer("c0", 1, "2025-03-02T23:59:05");
        bot("c0", 2, "2025-03-02T23:59:06", "answer", "话费怎么查", BALANCE);
    }

    private String id(String name) {
        return name + "-" + suffix;
    }

    private void conversation(String name, String visitor, String channel, String created, String reason,
                              String queued, String assigned, String agent, String closed, Integer stars) {
        if (jdbc.sql("select count(*) from visitors where id = ?").param(id(visitor)).query(Long.class).single() == 0) {
            jdbc.sql("insert into visitors (id, token_hash, created_at) values (?, ?, ?)")
                    .params(id(visitor), id(visitor), at(created)).update();
        }
        jdbc.sql("insert into conversations (id, visitor_id, channel, status, last_seq, created_at, closed_at, handoff, "
                        + "agent, handoff_reason, queued_at, assigned_at) values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")
                .params(id(name), id(visitor), channel, closed == null ? "open" : "closed", at(created), at(closed),
                        agent == null ? "bot" : "agent", agent, reason, at(queued), at(assigned))
                .update();
        if (stars != null) {
            jdbc.sql("insert into ratings (conversation_id, stars, created_at) values (?, ?, ?)")
                    .params(id(name), stars, at(closed == null ? created : closed)).update();
        }
    }

    private void customer(String conversation, int seq, String at) {
        message(conversation, seq, "customer", "text", at, null, null, null, null);
    }

    private void agent(String conversation, int seq, String at) {
        message(conversation, seq, "agent", "text", at, null, null, null, "a1");
    }

    private void bot(String conversation, int seq, String at, String decision, String question, String matched) {
        message(conversation, seq, "bot", decision, at, decision, question, matched, null);
    }

    private void message(String conversation, int seq, String sender, String kind, String at, String decision,
                         String question, String matched, String agent) {
        jdbc.sql("insert into messages (conversation_id, seq, sender, kind, body, created_at, reply_to, decision_kind, "
                        + "decision_question, matched_id, score, agent) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id(conversation), seq, sender, kind, "…", at(at), decision == null ? null : (long) seq - 1,
                        decision, question, matched, decision == null ? null : 0.9, agent)
                .update();
        jdbc.sql("update conversations set last_seq = ? where id = ?").params(seq, id(conversation)).update();
    }

    private OffsetDateTime at(String local) {
        return local == null ? null : LocalDateTime.parse(local).minusWeeks(weeksEarlier).atZone(ZONE)
                .toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
