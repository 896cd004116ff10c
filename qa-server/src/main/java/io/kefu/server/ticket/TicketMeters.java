package io.kefu.server.ticket;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The ticket desk's Prometheus gauges (docs/operations.md): tickets by status and those overdue. They are read from
 * the database when scraped, at most once per {@link #FRESH_FOR} for all the gauges together, so a scrape costs two
 * small queries and the ticket path none.
 */
@Component
class TicketMeters {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcTicketStore tickets;
    private final Clock clock;
    private volatile Counts counts;

    TicketMeters(JdbcTicketStore tickets, Clock handoffClock, MeterRegistry registry) {
        this.tickets = tickets;
        this.clock = handoffClock;
        for (TicketStatus status : TicketStatus.values()) {
            Gauge.builder("kefu.tickets", this, meters -> meters.current().byStatus().getOrDefault(status, 0L))
                    .description("Tickets by status").tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("kefu.tickets.overdue", this, meters -> meters.current().overdue())
                .description("Tickets still to be worked on past their due time").register(registry);
    }

    private Counts current() {
        Instant now = clock.instant();
        Counts known = counts;
        if (known == null || known.at().plus(FRESH_FOR).isBefore(now)) {
            known = new Counts(now, tickets.countsByStatus(), tickets.overdueCount(now));
            counts = known;
        }
        return known;
    }

    private record Counts(Instant at, Map<TicketStatus, Long> byStatus, long overdue) {
    }
}
