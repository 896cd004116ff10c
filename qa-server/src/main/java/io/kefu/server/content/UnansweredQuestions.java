package io.kefu.server.content;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What customers asked that the bot did not serve well (no answer, a clarification, a hand-off after misses, a
 * 没帮助 vote), grouped by the matcher's own words for each question into clusters, largest and newest first; and
 * the questions agents answered after the bot missed, proposed as new entries.
 */
@Service
class UnansweredQuestions {

    /** How many recent misses are clustered. */
    static final int RECENT = 3000;
    /** Questions sharing at least this share of their words are one cluster. */
    static final double SAME_CLUSTER = 0.5;
    private static final int EXAMPLES = 5;

    private final JdbcClient jdbc;
    private final QaBot bot;
    private final Clock clock;

    UnansweredQuestions(JdbcClient jdbc, QaBot bot, Clock contentClock) {
        this.jdbc = jdbc;
        this.bot = bot;
        this.clock = contentClock;
    }

    /** A group of similar missed questions, with the entry the bot leans to for them (its best guess). */
    record Cluster(String key, String question, int count, List<String> examples, Map<String, Integer> why,
                   Instant latest, String guessId, String guessQuestion) {
    }

    /** An agent's answer after a bot miss, proposed as a new entry. */
    record Proposal(String key, String conversation, String question, String answer, Instant at) {
    }

    List<Cluster> clusters() {
        Set<String> dismissed = dismissed();
        var clusters = new ArrayList<Building>();
        for (MissedQuestion miss : misses()) {
            Set<String> words = words(miss.question());
            Building home = null;
            for (Building c : clusters) {
                if (similarity(c.words, words) >= SAME_CLUSTER) {
                    home = c;
                    break;
                }
            }
            if (home == null) clusters.add(home = new Building(words, miss));
            home.add(miss);
        }
        return clusters.stream().filter(c -> !dismissed.contains(c.key()))
                .sorted(Comparator.comparingInt((Building c) -> c.misses.size()).reversed()
                        .thenComparing(c -> c.latest, Comparator.reverseOrder()))
                .map(this::cluster).toList();
    }

    List<Proposal> proposals() {
        Set<String> dismissed = dismissed();
        var byConversation = new LinkedHashMap<String, Proposal>();
        jdbc.sql("select m.conversation_id, m.seq, m.decision_question, m.created_at, a.body from messages m "
                        + "join conversations c on c.id = m.conversation_id "
                        + "join messages a on a.conversation_id = m.conversation_id and a.sender = 'agent' "
                        + "and a.seq = (select min(b.seq) from messages b where b.conversation_id = m.conversation_id "
                        + "and b.sender = 'agent' and b.seq > m.seq) "
                        + "where m.sender = 'bot' and m.decision_question is not null and (m.decision_kind in "
                        + "('none', 'clarify') or (m.decision_kind = 'handoff' and c.handoff_reason = 'no_answer')) "
                        + "order by m.created_at desc, m.seq desc")
                .withMaxRows(RECENT)
                .query((rs, row) -> new Proposal("proposal:" + rs.getString(1), rs.getString(1), rs.getString(3),
                        rs.getString(5), VersionStore.instant(rs, "created_at")))
                .list().stream().filter(p -> !isHandoffRequest(p.question()))
                .forEach(p -> byConversation.putIfAbsent(p.conversation(), p)); // the last miss before the agent
        return byConversation.values().stream().filter(p -> !dismissed.contains(p.key())).toList();
    }

    void dismiss(String key, String by) {
        if (key == null || key.isBlank() || key.length() > 500) throw ContentException.invalid("请指定要忽略的问题组。");
        if (dismissed().contains(key)) return;
        jdbc.sql("insert into content_dismissed (cluster_key, dismissed_by, dismissed_at) values (?, ?, ?)")
                .params(key, by, VersionStore.utc(clock.instant())).update();
    }

    /** 转人工 itself is a request, not a question the knowledge base should answer. */
    private boolean isHandoffRequest(String question) {
        Reply reply = bot.ask(question);
        return reply.intent() != null && reply.kind() == io.kefu.qa.ReplyKind.HANDOFF;
    }

    private List<MissedQuestion> misses() {
        var misses = new ArrayList<MissedQuestion>();
        misses.addAll(jdbc.sql("select m.decision_question, m.decision_kind, m.matched_id, m.created_at, c.handoff_reason "
                        + "from messages m join conversations c on c.id = m.conversation_id "
                        + "where m.sender = 'bot' and m.decision_question is not null "
                        + "and (m.decision_kind in ('none', 'clarify') "
                        + "or (m.decision_kind = 'handoff' and c.handoff_reason = 'no_answer')) "
                        + "order by m.created_at desc")
                .withMaxRows(RECENT).query(UnansweredQuestions::miss).list());
        misses.addAll(jdbc.sql("select m.decision_question, m.matched_id, v.created_at from answer_votes v "
                        + "join messages m on m.conversation_id = v.conversation_id and m.seq = v.seq "
                        + "where v.helpful = false and m.decision_question is not null order by v.created_at desc")
                .withMaxRows(RECENT)
                .query((rs, row) -> new MissedQuestion(rs.getString(1), MissedQuestion.Why.NOT_HELPFUL,
                        rs.getString(2), VersionStore.instant(rs, "created_at")))
                .list());
        misses.sort(Comparator.comparing(MissedQuestion::at).reversed());
        return misses;
    }

    private static MissedQuestion miss(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("decision_kind");
        MissedQuestion.Why why = switch (kind) {
            case "clarify" -> MissedQuestion.Why.CLARIFY;
            case "handoff" -> MissedQuestion.Why.HANDOFF_AFTER_MISSES;
            default -> MissedQuestion.Why.NO_ANSWER;
        };
        return new MissedQuestion(rs.getString("decision_question"), why, null, VersionStore.instant(rs, "created_at"));
    }

    private Set<String> dismissed() {
        return new HashSet<>(jdbc.sql("select cluster_key from content_dismissed").query(String.class).list());
    }

    /** The matcher's content words of a question, or its characters when it has none (a very short question). */
    private Set<String> words(String question) {
        Set<String> words = new TreeSet<>(bot.keywords(question));
        if (words.isEmpty()) question.codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> words.add(new String(Character.toChars(c))));
        return words;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        var common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    private Cluster cluster(Building c) {
        Reply best = bot.ask(c.first.question());
        String guess = c.first.guess();
        if (guess == null && !best.trace().candidates().isEmpty()) guess = best.trace().candidates().get(0).id();
        String guessId = guess;
        String guessQuestion = guessId == null ? null : bot.entry(guessId).map(e -> e.question()).orElse(null);
        var why = new EnumMap<MissedQuestion.Why, Integer>(MissedQuestion.Why.class);
        c.misses.forEach(m -> why.merge(m.why(), 1, Integer::sum));
        var whyByName = new LinkedHashMap<String, Integer>();
        why.forEach((k, v) -> whyByName.put(k.wireName(), v));
        var examples = new ArrayList<String>();
        for (MissedQuestion m : c.misses) {
            if (!examples.contains(m.question())) examples.add(m.question());
            if (examples.size() == EXAMPLES) break;
        }
        return new Cluster(c.key(), c.first.question(), c.misses.size(), examples, whyByName, c.latest, guessId,
                guessQuestion);
    }

    /** A cluster while questions are added: its first (newest) question's words decide who joins. */
    private static final class Building {
        final Set<String> words;
        final MissedQuestion first;
        final List<MissedQuestion> misses = new ArrayList<>();
        Instant latest;

        Building(Set<String> words, MissedQuestion first) {
            this.words = words;
            this.first = first;
            this.latest = first.at();
        }

        void add(MissedQuestion miss) {
            misses.add(miss);
            if (miss.at().isAfter(latest)) latest = miss.at();
        }

        String key() {
            String key = "words:" + String.join(" ", words);
            return key.length() <= 500 ? key : key.substring(0, 500);
        }
    }

}
