package io.kefu.server.analytics;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.QaBot;
import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Service;

import java.time.ZoneId;
import java.util.List;

/** The analytics page's figures for a period, read once from the stored conversations. */
@Service
class AnalyticsService {

    static final int TOP = 20;

    private final FactStore facts;
    private final QaBot bot;
    private final ZoneId zone;

    AnalyticsService(FactStore facts, QaBot bot, KefuProperties properties) {
        this.facts = facts;
        this.bot = bot;
        this.zone = ZoneId.of(properties.handoff().zone());
    }

    /** A standard question and how often the bot answered it. */
    record QuestionRow(String id, String question, long count) {
    }

    /** A question the bot could not answer (numbers masked) and how often it was asked. */
    record UnansweredRow(String question, long count) {
    }

    record Summary(String from, String to, String bucket, String zone, String channel, List<ServiceReport.Row> rows,
                   List<ServiceReport.HandoffRow> handoffs, List<ServiceReport.SatisfactionRow> satisfaction,
                   List<ServiceReport.AgentRow> agents, List<QuestionRow> topQuestions,
                   List<UnansweredRow> topUnanswered) {
    }

    Period period(String from, String to, String bucket, String channel) {
        return Period.parse(from, to, bucket, channel, zone);
    }

    Summary summary(Period period) {
        List<ConversationFacts> conversations = conversations(period);
        return new Summary(period.from().toString(), period.to().toString(), period.bucket().name().toLowerCase(),
                zone.getId(), period.channel(), ServiceReport.rows(period, conversations),
                ServiceReport.handoffs(period, conversations), ServiceReport.satisfaction(period, conversations),
                ServiceReport.agents(period, conversations), topQuestions(period), topUnanswered(period));
    }

    List<ConversationFacts> conversations(Period period) {
        // a day beyond the period: a conversation on its last day may be repeated the next day
        return facts.conversations(period.startInstant(), period.endInstant().plus(ServiceReport.REPEAT_WINDOW));
    }

    List<QuestionRow> topQuestions(Period period) {
        return facts.answered(period.startInstant(), period.endInstant(), period.channel(), TOP).stream()
                .map(c -> new QuestionRow(c.key(), bot.entry(c.key()).map(FaqEntry::question).orElse("（已删除的问题）"),
                        c.count()))
                .toList();
    }

    List<UnansweredRow> topUnanswered(Period period) {
        return facts.unanswered(period.startInstant(), period.endInstant(), period.channel(), TOP).stream()
                .map(c -> new UnansweredRow(c.key(), c.count())).toList();
    }
}
