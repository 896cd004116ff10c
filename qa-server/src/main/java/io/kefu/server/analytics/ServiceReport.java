package io.kefu.server.analytics;

import io.kefu.qa.dialog.HandoffReason;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one period, computed from the facts of its conversations (docs/analytics.md defines each).
 *
 * <p>A conversation counts in the bucket of the day it started. The bot resolved it when no person was asked for
 * (the bot decided on no hand-off and it was never queued or served) and the same visitor did not start another
 * conversation within 24 hours of its start.
 */
final class ServiceReport {

    static final Duration REPEAT_WINDOW = Duration.ofHours(24);

    /** Figures of one bucket and channel. Times in seconds; rates and shares as fractions. */
    record Row(String period, String channel, long conversations, long botResolved, Double botResolutionRate,
               long handedOff, Double handoffRate, long served, Double queueWaitAverage, Double queueWaitP90,
               Double firstResponseAverage, Double handleTimeAverage, long rated, Double csatAverage,
               Double satisfiedShare) {
    }

    /** Hand-offs by reason over the whole period; {@code share} of all conversations. */
    record HandoffRow(String reason, String label, long count, Double share) {
    }

    /** Ratings of conversations the bot or an agent ended. */
    record SatisfactionRow(String who, String label, long rated, Double average, long stars1, long stars2, long stars3,
                           long stars4, long stars5, Double satisfiedShare) {
    }

    /** One agent's conversations over the whole period: how fast they first answered, how long they took. */
    record AgentRow(String agent, long served, Double firstResponseAverage, Double handleTimeAverage, long rated,
                    Double csatAverage) {
    }

    private ServiceReport() {
    }

    /** @param facts every conversation started in the period, and in the day after it (to see repeats) */
    static List<Row> rows(Period period, List<ConversationFacts> facts) {
        Map<String, List<ConversationFacts>> byVisitor = new HashMap<>();
        for (ConversationFacts f : facts) byVisitor.computeIfAbsent(f.visitorId(), v -> new ArrayList<>()).add(f);
        Map<LocalDate, Map<String, List<ConversationFacts>>> buckets = new TreeMap<>();
        for (ConversationFacts f : counted(period, facts)) {
            buckets.computeIfAbsent(period.bucketOf(f.createdAt()), d -> new TreeMap<>())
                    .computeIfAbsent(f.channel(), c -> new ArrayList<>()).add(f);
        }
        var rows = new ArrayList<Row>();
        buckets.forEach((day, channels) -> channels.forEach((channel, list) ->
                rows.add(row(day.toString(), channel, list, byVisitor))));
        return rows;
    }

    static List<HandoffRow> handoffs(Period period, List<ConversationFacts> facts) {
        List<ConversationFacts> counted = counted(period, facts);
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (HandoffReason reason : HandoffReason.values()) byReason.put(reason.wireName(), 0L);
        byReason.put(NOT_QUEUED, 0L);
        for (ConversationFacts f : counted) {
            if (!f.handedOff()) continue;
            byReason.merge(f.handoffReason() == null ? NOT_QUEUED : f.handoffReason(), 1L, Long::sum);
        }
        return byReason.entrySet().stream().map(e -> new HandoffRow(e.getKey(), label(e.getKey()), e.getValue(),
                Figures.share(e.getValue(), counted.size()))).toList();
    }

    static List<SatisfactionRow> satisfaction(Period period, List<ConversationFacts> facts) {
        List<ConversationFacts> counted = counted(period, facts);
        return List.of(satisfaction("bot", "智能客服", counted.stream().filter(f -> f.agent() == null).toList()),
                satisfaction("agent", "人工客服", counted.stream().filter(f -> f.agent() != null).toList()));
    }

    static List<AgentRow> agents(Period period, List<ConversationFacts> facts) {
        Map<String, List<ConversationFacts>> byAgent = new TreeMap<>();
        for (ConversationFacts f : counted(period, facts)) {
            if (f.agent() != null && f.assignedAt() != null) {
                byAgent.computeIfAbsent(f.agent(), a -> new ArrayList<>()).add(f);
            }
        }
        var rows = new ArrayList<AgentRow>();
        byAgent.forEach((agent, list) -> {
            List<Integer> stars = list.stream().map(ConversationFacts::stars).filter(s -> s != null).toList();
            rows.add(new AgentRow(agent, list.size(),
                    Figures.average(values(list, ConversationFacts::firstResponseSeconds)),
                    Figures.average(values(list, ConversationFacts::handleSeconds)), stars.size(),
                    averageStars(stars)));
        });
        return rows;
    }

    /** Reasons as stored ({@code HandoffReason} wire names); a hand-off that was never queued was taken as a message. */
    static final String NOT_QUEUED = "not_queued";

    private static String label(String reason) {
        return switch (reason) {
            case "human" -> "客户要求转人工";
            case "complaint" -> "投诉";
            case "no_answer" -> "连续未能回答";
            case "form_failed" -> "表单未完成";
            case NOT_QUEUED -> "非服务时间或无人在线（转留言）";
            default -> reason;
        };
    }

    private static List<ConversationFacts> counted(Period period, List<ConversationFacts> facts) {
        Instant start = period.startInstant();
        Instant end = period.endInstant();
        return facts.stream().filter(f -> !f.createdAt().isBefore(start) && f.createdAt().isBefore(end))
                .filter(f -> period.channel() == null || period.channel().equals(f.channel())).toList();
    }

    private static Row row(String period, String channel, List<ConversationFacts> list,
                           Map<String, List<ConversationFacts>> byVisitor) {
        long resolved = list.stream().filter(f -> !f.handedOff() && !repeated(f, byVisitor)).count();
        long handedOff = list.stream().filter(ConversationFacts::handedOff).count();
        List<ConversationFacts> served = list.stream().filter(f -> f.assignedAt() != null).toList();
        List<Integer> stars = list.stream().map(ConversationFacts::stars).filter(s -> s != null).toList();
        return new Row(period, channel, list.size(), resolved, Figures.share(resolved, list.size()), handedOff,
                Figures.share(handedOff, list.size()), served.size(),
                Figures.average(values(served, ConversationFacts::queueWaitSeconds)),
                Figures.p90(values(served, ConversationFacts::queueWaitSeconds)),
                Figures.average(values(served, ConversationFacts::firstResponseSeconds)),
                Figures.average(values(served, ConversationFacts::handleSeconds)),
                stars.size(), averageStars(stars), Figures.share(stars.stream().filter(s -> s >= 4).count(),
                stars.size()));
    }

    private static boolean repeated(ConversationFacts f, Map<String, List<ConversationFacts>> byVisitor) {
        Instant until = f.createdAt().plus(REPEAT_WINDOW);
        return byVisitor.getOrDefault(f.visitorId(), List.of()).stream().anyMatch(other -> other != f
                && other.createdAt().isAfter(f.createdAt()) && !other.createdAt().isAfter(until));
    }

    private static SatisfactionRow satisfaction(String who, String label, List<ConversationFacts> list) {
        long[] byStars = new long[6];
        List<Integer> stars = list.stream().map(ConversationFacts::stars).filter(s -> s != null).toList();
        for (int s : stars) byStars[s]++;
        return new SatisfactionRow(who, label, stars.size(), averageStars(stars), byStars[1], byStars[2], byStars[3],
                byStars[4], byStars[5], Figures.share(byStars[4] + byStars[5], stars.size()));
    }

    private static Double averageStars(List<Integer> stars) {
        return stars.isEmpty() ? null : Figures.round(stars.stream().mapToInt(Integer::intValue).average().orElse(0), 2);
    }

    private static List<Double> values(List<ConversationFacts> list,
                                       java.util.function.Function<ConversationFacts, Double> value) {
        return list.stream().map(value).filter(v -> v != null).toList();
    }
}
