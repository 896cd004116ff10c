package io.kefu.server.ticket;

import io.kefu.qa.dialog.HandoffReason;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.MessageLog;
import io.kefu.server.conversation.Routing;
import io.kefu.server.conversation.TranscriptLine;
import io.kefu.server.system.KefuProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket desk: records the tickets forms produce (kind, priority, due time, repeats) and shows them to the staff
 * who may see them; {@link TicketWork} changes them.
 */
@Service
public class TicketDesk {

    private final JdbcTicketStore tickets;
    private final TicketEvents events;
    private final ConversationStore conversations;
    private final MessageLog messages;
    private final TicketSettings settings;
    private final Clock clock;
    private final TicketIds ids;
    private final TransactionTemplate tx;

    TicketDesk(JdbcTicketStore tickets, TicketEvents events, ConversationStore conversations, MessageLog messages,
               TicketSettings settings, Clock handoffClock, KefuProperties properties,
               PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.events = events;
        this.conversations = conversations;
        this.messages = messages;
        this.settings = settings;
        this.clock = handoffClock;
        this.ids = new TicketIds(ZoneId.of(properties.handoff().zone()), new SecureRandom());
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Records a ticket from a completed form (or a failed webhook): its kind from the form and why the conversation
     * was handed off, complaints and VIP customers first, due after its kind's time limit, and marked 重复 with links
     * when the same customer reported the same within the repeat window.
     */
    public Ticket record(String intent, Map<String, String> slots, String conversation, String note) {
        Instant now = clock.instant();
        Optional<Routing> routing = conversation == null ? Optional.empty() : conversations.routing(conversation);
        boolean complaint = routing.map(r -> r.reason() == HandoffReason.COMPLAINT).orElse(false);
        TicketKind kind = TicketKind.of(intent, complaint);
        int priority = kind == TicketKind.COMPLAINT ? 2 : routing.map(Routing::vip).orElse(false) ? 1 : 0;
        String visitor = conversation == null ? null : conversations.visitorOf(conversation).orElse(null);
        var draft = new Ticket(ids.next(now), kind, intent, TicketStatus.OPEN, priority, null,
                now.plus(settings.limit(kind)), now, now, routing.map(Routing::channel).orElse("web"), conversation,
                visitor, TicketSlots.phone(slots), TicketSlots.subject(slots), false, slots, note, null, null, null,
                null, null);
        return tx.execute(status -> {
            List<String> earlier = kind.repeatTracked()
                    ? tickets.earlier(draft, now.minus(settings.repeatWindow())) : List.of();
            Ticket ticket = earlier.isEmpty() ? draft : repeated(draft);
            tickets.insert(ticket);
            events.append(ticket.id(), TicketEvent.of(now, TicketEvent.SYSTEM, TicketEvent.Kind.CREATED)
                    .withStatus(TicketStatus.OPEN));
            for (String before : earlier) tickets.linkRepeat(ticket.id(), before);
            if (!earlier.isEmpty()) {
                events.append(ticket.id(), TicketEvent.of(now, TicketEvent.SYSTEM, TicketEvent.Kind.REPEAT)
                        .withBody("重复：" + String.join("、", earlier)));
            }
            return ticket;
        });
    }

    private static Ticket repeated(Ticket t) {
        return new Ticket(t.id(), t.kind(), t.intent(), t.status(), t.priority(), t.owner(), t.due(), t.created(),
                t.updated(), t.channel(), t.conversation(), t.visitor(), t.phone(), t.subject(), true, t.slots(),
                t.note(), t.callbackAt(), t.resolvedAt(), t.category(), t.resolutionNote(), t.rating());
    }

    /** The desk's list for this staff member: an agent's own and unassigned tickets, a supervisor's all. */
    TicketPage list(Worker worker, TicketFilter filter) {
        var scoped = new TicketFilter(worker.supervisor() ? null : worker.username(), filter.owner(),
                filter.unassigned(), filter.kind(), filter.status(), filter.activeOnly(), filter.overdue(), filter.channel(),
                filter.search(), filter.page(), filter.size());
        return tickets.list(scoped, clock.instant());
    }

    /**
     * A ticket with its history, repeats and the transcript of its conversation.
     *
     * @param repeats the earlier tickets it repeats and the later ones that repeat it
     */
    record Detail(Ticket ticket, List<TicketEvent> history, List<String> repeats, List<TranscriptLine> transcript) {
    }

    /** @throws TicketProblem not found, also for a ticket this staff member may not see */
    Detail detail(Worker worker, String id) {
        Ticket ticket = tickets.find(id).filter(worker::maySee).orElseThrow(TicketProblem::notFound);
        List<TranscriptLine> transcript = ticket.conversation() == null ? List.of()
                : messages.transcript(ticket.conversation());
        return new Detail(ticket, events.of(id), tickets.repeatLinks(id), transcript);
    }

    Instant now() {
        return clock.instant();
    }

    TicketSettings settings() {
        return settings;
    }
}
