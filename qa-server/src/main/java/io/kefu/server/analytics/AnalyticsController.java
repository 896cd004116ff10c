package io.kefu.server.analytics;

import io.kefu.server.system.BadRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/analytics}: the service's figures for supervisors and administrators (docs/analytics.md). The page
 * reads everything at once from {@code summary}; each of its tables downloads as CSV from
 * {@code /api/analytics/{table}.csv} with the same parameters.
 */
@RestController
class AnalyticsController {

    private final AnalyticsService analytics;

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    /**
     * @param from    first day, {@code YYYY-MM-DD} in the service's time zone (default: 29 days before {@code to})
     * @param to      last day, inclusive (default: today)
     * @param bucket  {@code day}, {@code week} or {@code month}
     * @param channel only this channel (e.g. {@code web}); all when empty
     */
    @GetMapping("/api/analytics/summary")
    AnalyticsService.Summary summary(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String bucket,
                                     @RequestParam(required = false) String channel) {
        return analytics.summary(analytics.period(from, to, bucket, channel));
    }

    /**
     * One table as CSV: {@code overview}, {@code handoffs}, {@code satisfaction}, {@code agents}, {@code questions},
     * {@code unanswered}.
     */
    @GetMapping("/api/analytics/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) String bucket,
                               @RequestParam(required = false) String channel) {
        Period period = analytics.period(from, to, bucket, channel);
        CsvTable csv = switch (table) {
            case "overview" -> overview(ServiceReport.rows(period, analytics.conversations(period)));
            case "handoffs" -> handoffs(ServiceReport.handoffs(period, analytics.conversations(period)));
            case "satisfaction" -> satisfaction(ServiceReport.satisfaction(period, analytics.conversations(period)));
            case "agents" -> new CsvTable(List.of("客服", "接待数", "平均首次响应(秒)", "平均处理时长(秒)", "评价数", "平均满意度"),
                    ServiceReport.agents(period, analytics.conversations(period)).stream()
                            .map(a -> cells(a.agent(), a.served(), a.firstResponseAverage(), a.handleTimeAverage(),
                                    a.rated(), a.csatAverage())).toList());
            case "questions" -> new CsvTable(List.of("问题编号", "标准问题", "次数"), analytics.topQuestions(period)
                    .stream().map(q -> List.<Object>of(q.id(), q.question(), q.count())).toList());
            case "unanswered" -> new CsvTable(List.of("未能回答的问题", "次数"), analytics.topUnanswered(period)
                    .stream().map(q -> List.<Object>of(q.question(), q.count())).toList());
            default -> throw new BadRequestException("没有这张报表：" + table.replaceAll("[^a-z]", "")
                    + "。可下载 overview、handoffs、satisfaction、agents、questions、unanswered。");
        };
        String name = table + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.bytes());
    }

    private static CsvTable overview(List<ServiceReport.Row> rows) {
        return new CsvTable(List.of("周期", "渠道", "会话数", "机器人解决数", "机器人解决率", "转人工数", "转人工率",
                "人工接待数", "平均排队时长(秒)", "排队时长P90(秒)", "平均首次响应(秒)", "平均处理时长(秒)", "评价数",
                "平均满意度", "满意占比(4-5星)"),
                rows.stream().map(r -> cells(r.period(), r.channel(), r.conversations(), r.botResolved(),
                        r.botResolutionRate(), r.handedOff(), r.handoffRate(), r.served(), r.queueWaitAverage(),
                        r.queueWaitP90(), r.firstResponseAverage(), r.handleTimeAverage(), r.rated(), r.csatAverage(),
                        r.satisfiedShare())).toList());
    }

    private static CsvTable handoffs(List<ServiceReport.HandoffRow> rows) {
        return new CsvTable(List.of("原因", "说明", "次数", "占会话比例"), rows.stream()
                .map(r -> cells(r.reason(), r.label(), r.count(), r.share())).toList());
    }

    private static CsvTable satisfaction(List<ServiceReport.SatisfactionRow> rows) {
        return new CsvTable(List.of("服务方", "评价数", "平均分", "1星", "2星", "3星", "4星", "5星", "满意占比(4-5星)"),
                rows.stream().map(r -> cells(r.label(), r.rated(), r.average(), r.stars1(), r.stars2(), r.stars3(),
                        r.stars4(), r.stars5(), r.satisfiedShare())).toList());
    }

    /** A row of cells; a null (nothing to measure) stays an empty cell. */
    private static List<Object> cells(Object... values) {
        var cells = new ArrayList<Object>(values.length);
        for (Object value : values) cells.add(value);
        return cells;
    }
}
