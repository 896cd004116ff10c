package io.kefu.server.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** {@code GET /api/analytics/tickets} for supervisors (docs/tickets.md): the tickets' figures per period. */
@RestController
class TicketAnalyticsController {

    /** Three years of days is already more rows than a chart can show. */
    static final long MAX_DAYS = 366 * 3;

    private final TicketAnalytics analytics;

    TicketAnalyticsController(TicketAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/analytics/tickets")
    TicketAnalytics.Report report(@RequestParam String from, @RequestParam String to,
                                  @RequestParam(defaultValue = "day") String bucket) {
        LocalDate first = date(from, "from");
        LocalDate last = date(to, "to");
        if (last.isBefore(first)) throw TicketProblem.badRequest("结束日期 to 不能早于开始日期 from。");
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) throw TicketProblem.badRequest("时间范围最多三年。");
        Bucket period;
        try {
            period = Bucket.fromWireName(bucket.strip());
        } catch (IllegalArgumentException e) {
            throw TicketProblem.badRequest("bucket 应为 day、week 或 month。");
        }
        return analytics.report(first, last, period);
    }

    private static LocalDate date(String text, String name) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw TicketProblem.badRequest("日期 " + name + " 的格式应为 YYYY-MM-DD，例如 2026-12-01。");
        }
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "缺少参数 " + e.getParameterName() + "，例如 ?from=2026-12-01&to=2026-12-31&bucket=day。");
    }

    @ExceptionHandler(TicketProblem.class)
    ResponseEntity<ProblemDetail> problem(TicketProblem e) {
        return ResponseEntity.status(e.status()).body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }
}
