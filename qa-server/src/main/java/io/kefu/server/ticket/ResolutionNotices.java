package io.kefu.server.ticket;

import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.CustomerConnected;
import io.kefu.server.conversation.CustomerNotices;
import io.kefu.server.conversation.Notice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;

/**
 * Keeps the customer informed: when a ticket is resolved, its outcome and a 1–5 satisfaction question go into the
 * customer's conversation — at once when the conversation it came from is still open (the customer sees it now if
 * online, or when they resume it), otherwise when the customer next starts or resumes a conversation. Each ticket's
 * outcome is told once; the rating is read by {@link TicketSurveys}.
 */
@Component
class ResolutionNotices {

    private final JdbcTicketStore tickets;
    private final TicketEvents events;
    private final ConversationStore conversations;
    private final CustomerNotices notices;
    private final Clock clock;
    private final TransactionTemplate tx;

    ResolutionNotices(JdbcTicketStore tickets, TicketEvents events, ConversationStore conversations,
                      CustomerNotices notices, Clock handoffClock, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.events = events;
        this.conversations = conversations;
        this.notices = notices;
        this.clock = handoffClock;
        this.tx = new TransactionTemplate(transactions);
    }

    @EventListener
    void resolved(TicketResolved resolved) {
        tickets.find(resolved.ticketId()).filter(t -> t.conversation() != null)
                .ifPresent(t -> tell(t, t.conversation()));
    }

    @EventListener
    void connected(CustomerConnected connected) {
        Optional<String> visitor = conversations.visitorOf(connected.conversationId());
        if (visitor.isEmpty()) return;
        for (Ticket t : tickets.untold(visitor.get())) tell(t, connected.conversationId());
    }

    /** Says the outcome in the conversation if it is open; marks the ticket told so no other node says it again. */
    private void tell(Ticket t, String conversation) {
        if (!tickets.markNotified(t.id(), conversation, clock.instant())) return;
        if (notices.tell(conversation, Notice.TICKET_RESOLVED, text(t), TicketSurveys.BUTTONS)) {
            tx.executeWithoutResult(status -> { // under the ticket's lock, as every change of its history
                tickets.lock(t.id());
                events.append(t.id(), TicketEvent.of(clock.instant(), TicketEvent.SYSTEM, TicketEvent.Kind.NOTIFIED));
            });
        } else {
            tickets.unmarkNotified(t.id()); // the conversation was closed: keep it for the next visit
        }
    }

    static String text(Ticket t) {
        return "您的工单 " + t.id() + "（" + t.kind().label() + "）已处理完毕：" + t.resolutionNote()
                + "\n请您为本次处理结果打分：5 分非常满意，1 分非常不满意。";
    }
}
