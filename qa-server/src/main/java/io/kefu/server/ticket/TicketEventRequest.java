package io.kefu.server.ticket;

import io.kefu.server.system.SafeText;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The body of {@code POST /api/tickets/{id}/events} as sent, read into a {@link TicketCommand} here and nowhere else.
 *
 * @param type    claim, assign, status, comment, callback, resolve or reopen
 * @param retryAt ISO-8601 with an offset, e.g. {@code 2026-12-05T10:00:00+08:00}
 */
record TicketEventRequest(String type, String owner, String status, String body, Boolean reached, String retryAt,
                          String category, String note) {

    static final int MAX_TEXT = 2000;

    TicketCommand command() {
        if (type == null) throw TicketProblem.badRequest("缺少 type：claim、assign、status、comment、callback、resolve 或 reopen。");
        return switch (type) {
            case "claim" -> new TicketCommand.Claim();
            case "assign" -> new TicketCommand.Assign(owner == null || owner.isBlank() ? null : owner.strip());
            case "status" -> new TicketCommand.ChangeStatus(parsedStatus());
            case "comment" -> new TicketCommand.Comment(required(body, "评论内容"));
            case "callback" -> parsedCallback();
            case "resolve" -> new TicketCommand.Resolve(required(category, "解决分类"), required(note, "处理说明"));
            case "reopen" -> new TicketCommand.Reopen(optional(note));
            default -> throw TicketProblem.badRequest("未知的操作 " + type + "，应为 claim、assign、status、comment、callback、resolve 或 reopen。");
        };
    }

    private TicketStatus parsedStatus() {
        try {
            return TicketStatus.fromWireName(required(status, "状态"));
        } catch (IllegalArgumentException e) {
            throw TicketProblem.badRequest("未知的状态，应为 open、in_progress、callback、resolved 或 closed。");
        }
    }

    private TicketCommand parsedCallback() {
        if (reached == null) throw TicketProblem.badRequest("请说明是否联系上客户（reached: true 或 false）。");
        if (reached) return new TicketCommand.Callback(true, optional(note), null);
        if (retryAt == null || retryAt.isBlank()) throw TicketProblem.badRequest("未联系上客户时，请填写再次回访的时间。");
        try {
            return new TicketCommand.Callback(false, optional(note), OffsetDateTime.parse(retryAt.strip()).toInstant()
                    .truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw TicketProblem.badRequest("再次回访时间的格式不正确，例如 2026-12-05T10:00:00+08:00。");
        }
    }

    private static String required(String text, String what) {
        String value = optional(text);
        if (value == null) throw TicketProblem.badRequest("请填写" + what + "。");
        return value;
    }

    private static String optional(String text) {
        if (text == null) return null;
        String value = SafeText.clean(text).strip();
        if (value.length() > MAX_TEXT) throw TicketProblem.badRequest("内容太长了，请控制在 " + MAX_TEXT + " 字以内。");
        return value.isEmpty() ? null : value;
    }
}
