package io.kefu.server.ticket;

import io.kefu.server.conversation.TranscriptLine;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Tickets as the desk's API shows them (docs/tickets.md): wire names for machines, labels for people. */
final class TicketViews {

    private TicketViews() {
    }

    /**
     * One ticket in the list or the detail.
     *
     * @param overdue still to be worked on and past its due time
     * @param soonDue still to be worked on and due within {@code kefu.tickets.soon-due}
     * @param callbackDue waiting for a callback whose retry time has come
     * @param next        the statuses a status change may move it to (resolving is an event of its own)
     */
    record TicketView(String id, String kind, String kindLabel, String intent, String status, String statusLabel,
                      int priority, String owner, Instant due, boolean overdue, boolean soonDue, Instant created,
                      Instant updated, String channel, String conversation, String phone, boolean repeated,
                      Map<String, String> slots, String note, Instant callbackAt, Instant resolvedAt, String category,
                      String resolutionNote, Integer rating, boolean callbackDue, List<String> next) {

        static TicketView of(Ticket t, Instant now, TicketSettings settings) {
            boolean overdue = t.overdue(now);
            boolean soon = !overdue && t.status().active() && t.due() != null
                    && t.due().isBefore(now.plus(settings.soonDue()));
            return new TicketView(t.id(), t.kind().wireName(), t.kind().label(), t.intent(), t.status().wireName(),
                    t.status().label(), t.priority(), t.owner(), t.due(), overdue, soon, t.created(), t.updated(),
                    t.channel(), t.conversation(), t.phone(), t.repeated(), t.slots(), t.note(), t.callbackAt(),
                    t.resolvedAt(), t.category(), t.resolutionNote(), t.rating(),
                    t.status() == TicketStatus.CALLBACK && t.callbackAt() != null && !t.callbackAt().isAfter(now),
                    t.status().next().stream().filter(s -> s != TicketStatus.RESOLVED).map(TicketStatus::wireName)
                            .toList());
        }
    }

    /** @param more more tickets match than {@code total} says (it stops counting at 10,000) */
    record PageView(List<TicketView> items, long total, boolean more, int page, int size) {
    }

    record EventView(Instant at, String actor, String kind, String status, String statusLabel, String owner,
                     String body, String category, Boolean reached, Instant retryAt) {

        static EventView of(TicketEvent e) {
            return new EventView(e.at(), e.actor(), e.kind().wireName(),
                    e.status() == null ? null : e.status().wireName(), e.status() == null ? null : e.status().label(),
                    e.owner(), e.body(), e.category(), e.reached(), e.retryAt());
        }
    }

    record LineView(long seq, String from, String kind, String text, Instant at, String matched) {

        static LineView of(TranscriptLine line) {
            return new LineView(line.message().seq(), line.message().sender().wireName(), line.message().kind(),
                    line.message().text(), line.message().at(), line.matchedId());
        }
    }

    /**
     * @param comments the events of kind comment, the internal thread
     * @param history  every event, comments included
     * @param repeats  the earlier tickets it repeats and the later ones that repeat it
     */
    record DetailView(TicketView ticket, List<EventView> comments, List<EventView> history, List<String> repeats,
                      List<LineView> transcript) {

        static DetailView of(TicketDesk.Detail d, Instant now, TicketSettings settings) {
            List<EventView> history = d.history().stream().map(EventView::of).toList();
            return new DetailView(TicketView.of(d.ticket(), now, settings),
                    history.stream().filter(e -> e.kind().equals(TicketEvent.Kind.COMMENT.wireName())).toList(),
                    history, d.repeats(), d.transcript().stream().map(LineView::of).toList());
        }
    }

    record Label(String value, String label) {
    }

    /** What the console's filters and forms offer. */
    record Options(List<Label> kinds, List<Label> statuses, List<String> categories) {

        static Options of(TicketSettings settings) {
            return new Options(
                    Arrays.stream(TicketKind.values()).map(k -> new Label(k.wireName(), k.label())).toList(),
                    Arrays.stream(TicketStatus.values()).map(s -> new Label(s.wireName(), s.label())).toList(),
                    settings.categories());
        }
    }
}
