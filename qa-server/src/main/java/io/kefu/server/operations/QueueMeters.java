package io.kefu.server.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The queue for agents as Prometheus gauges: how many customers wait, and for how long the longest has waited. Read
 * from the database (shared by every node) when scraped, once for both gauges, so they cost nothing per message.
 */
@Component
class QueueMeters {

    /** Scrapes within this time of each other share one query. */
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot last = new Snapshot(Instant.EPOCH, 0, 0);

    private record Snapshot(Instant at, long waiting, double longestWaitSeconds) {
    }

    QueueMeters(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("kefu.queue.length", this, meters -> meters.snapshot().waiting())
                .description("Conversations waiting for an agent").register(registry);
        Gauge.builder("kefu.queue.longest.wait", this, meters -> meters.snapshot().longestWaitSeconds())
                .description("How long the customer longest in the queue has waited").baseUnit("seconds")
                .register(registry);
    }

    private Snapshot snapshot() {
        Snapshot current = last;
        Instant now = clock.instant();
        if (Duration.between(current.at(), now).compareTo(FRESH) < 0) return current;
        Snapshot fresh = jdbc.sql("select count(*), min(queued_at) from conversations where handoff = 'waiting'")
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    double longest = oldest == null ? 0 : Duration.between(oldest.toInstant(), now).toMillis() / 1000.0;
                    return new Snapshot(now, rs.getLong(1), Math.max(0, longest));
                }).single();
        last = fresh;
        return fresh;
    }
}
