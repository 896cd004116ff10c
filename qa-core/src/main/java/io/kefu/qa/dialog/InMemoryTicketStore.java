package io.kefu.qa.dialog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps tickets in memory, numbered from 1: for tests and for using the library without a database. */
public final class InMemoryTicketStore implements TicketStore {

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final List<Ticket> tickets = new CopyOnWriteArrayList<>();

    public InMemoryTicketStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Ticket create(String intent, Map<String, String> slots, String conversation, String note) {
        var ticket = new Ticket("T" + sequence.incrementAndGet(), intent, slots, conversation, note, clock.instant());
        tickets.add(ticket);
        return ticket;
    }

    public List<Ticket> tickets() {
        return List.copyOf(tickets);
    }
}
