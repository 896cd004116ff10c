package io.kefu.server.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ticket desk's settings, {@code kefu.tickets.*} (docs/tickets.md).
 *
 * @param limits        per kind, how long after it is recorded a ticket is due; a kind not named keeps its default
 *                      (complaints 2 h: the customer is contacted within two hours)
 * @param soonDue       a ticket due within this long stands out in the desk
 * @param repeatWindow  a fault report or complaint within this long of an earlier one of the same customer and
 *                      subject is a repeat
 * @param surveyWindow  how long after the customer was told the outcome a 1–5 reply still rates it
 * @param categories    what a ticket is resolved as
 * @param statusIntent  the intent (content, {@code knowledge/intents}) after whose reply the bot lists the
 *                      visitor's own tickets
 */
@ConfigurationProperties(prefix = "kefu.tickets")
public record TicketSettings(Map<TicketKind, Duration> limits,
                             @DefaultValue("30m") Duration soonDue,
                             @DefaultValue("30d") Duration repeatWindow,
                             @DefaultValue("7d") Duration surveyWindow,
                             @DefaultValue({"已修复", "已办理", "已解释说明", "转其他部门", "无法处理"}) List<String> categories,
                             @DefaultValue("ticket_status") String statusIntent) {

    /** The limits nobody configured. */
    static final Map<TicketKind, Duration> DEFAULT_LIMITS = Map.of(
            TicketKind.COMPLAINT, Duration.ofHours(2),
            TicketKind.CARD_LOSS, Duration.ofHours(1),
            TicketKind.FAULT_REPORT, Duration.ofHours(4),
            TicketKind.CALLBACK_REQUEST, Duration.ofHours(4),
            TicketKind.LEAVE_MESSAGE, Duration.ofHours(24),
            TicketKind.FORM, Duration.ofHours(24));

    public TicketSettings {
        var merged = new EnumMap<>(DEFAULT_LIMITS);
        if (limits != null) merged.putAll(limits);
        for (var limit : merged.entrySet()) {
            if (limit.getValue().isNegative() || limit.getValue().isZero()) {
                throw new IllegalArgumentException("kefu.tickets.limits." + limit.getKey().wireName() + " must be positive");
            }
        }
        limits = Map.copyOf(merged);
        categories = List.copyOf(categories);
        if (categories.isEmpty()) throw new IllegalArgumentException("kefu.tickets.categories must name at least one");
    }

    /** The settings when nothing is configured. */
    static TicketSettings defaults() {
        return new TicketSettings(null, Duration.ofMinutes(30), Duration.ofDays(30), Duration.ofDays(7),
                List.of("已修复", "已办理", "已解释说明", "转其他部门", "无法处理"), "ticket_status");
    }

    Duration limit(TicketKind kind) {
        return limits.get(kind);
    }
}
