package io.kefu.server.chat;

/**
 * A token bucket per connection: {@code burst} frames at once, then {@code perSecond}. A connection that keeps
 * sending after being told to slow down is abusive and gets closed.
 */
final class FrameRateLimit {

    /** Refused frames in a row after which the connection is closed rather than answered. */
    static final int ABUSE_THRESHOLD = 100;

    private final double perNano;
    private final int burst;
    private double tokens;
    private long last;
    private int refusedInARow;

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
            refusedInARow = 0;
            return true;
        }
        refusedInARow++;
        return false;
    }

    synchronized boolean abusive() {
        return refusedInARow >= ABUSE_THRESHOLD;
    }
}
