package io.kefu.server.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move forward: due times pass without waiting. */
final class MovableClock extends Clock {

    private volatile Instant base;
    private volatile long startNanos = System.nanoTime();

    MovableClock(Instant start) {
        this.base = start;
    }

    /** From now on, later by {@code by}. */
    void advance(Duration by) {
        base = base.plus(by);
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - startNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the desk's clock is UTC");
    }
}
