package io.kefu.server.ticket;

import java.util.Locale;

/** What a ticket is about, derived once from the form that recorded it (docs/tickets.md). */
public enum TicketKind {
    FAULT_REPORT("故障申告"),
    CARD_LOSS("银行卡挂失"),
    COMPLAINT("投诉"),
    LEAVE_MESSAGE("留言"),
    CALLBACK_REQUEST("回电请求"),
    /** Any other form's action (a bill query, a data query...): the form's intent says which. */
    FORM("其他申请");

    private final String label;

    TicketKind(String label) {
        this.label = label;
    }

    /** How staff read it. */
    public String label() {
        return label;
    }

    /** The lower-case name used in the database and the API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is no kind */
    public static TicketKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * The kind of a ticket a form recorded. A message left while the conversation waited for a person because the
     * customer complained is a complaint: that is what the agent must act on.
     *
     * @param intent    the form's intent
     * @param complaint the conversation was handed off for a complaint
     */
    public static TicketKind of(String intent, boolean complaint) {
        return switch (intent) {
            case "fault_report" -> FAULT_REPORT;
            case "card_loss" -> CARD_LOSS;
            case "complaint" -> COMPLAINT;
            case "callback_request", "callback" -> CALLBACK_REQUEST;
            case "leave_message" -> complaint ? COMPLAINT : LEAVE_MESSAGE;
            default -> FORM;
        };
    }

    /** Whether a second ticket of this kind from the same customer is looked at as a repeat. */
    public boolean repeatTracked() {
        return this == FAULT_REPORT || this == COMPLAINT;
    }
}
