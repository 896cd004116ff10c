package io.kefu.server.chat;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket per connection: {@code burst} frames at once, then {@code perSecond}. A connection that keeps
 * sending after being told to slow down is abusive and gets closed: {@value #ABUSE_THRESHOLD} refusals within
 * {@link #ABUSE_WINDOW_NANOS 10 s} of the first. Counted per window, not in a row: a flood paced to let one frame
 * through whenever a token refills (~370 frames a second) never made 100 refusals in a row.
 */
final class FrameRateLimit {

    /** Refused frames within the window after which the connection is closed rather than answered. */
    static final int ABUSE_THRESHOLD = 100;
    /** How long refusals count; far more than a person who types fast and is refused now and then piles up. */
    static final long ABUSE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final double perNano;
    private final int burst;
    private double tokens;
    private long last;
    private long windowStart;
    private int refusedInWindow;

    FrameRateLimit(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens--;
            return true;
        }
        if (refusedInWindow == 0 || nowNanos - windowStart > ABUSE_WINDOW_NANOS) {
            windowStart = nowNanos;
            refusedInWindow = 0;
        }
        refusedInWindow++;
        return false;
    }

    /** Whether the refusals of the current window make this connection a flood; asked after a refusal. */
    synchronized boolean abusive() {
        return refusedInWindow >= ABUSE_THRESHOLD;
    }
}
