package io.kefu.server.chat;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer socket's rate limit (5 frames a second, bursts of 20) on a clock of its own. */
class FrameRateLimitTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Sends {@code frames} frames {@code perSecond} apart; returns the time the limit found it abusive, or -1. */
    private static long abusiveAfter(FrameRateLimit limit, int frames, int perSecond) {
        long now = 0;
        for (int i = 0; i < frames; i++) {
            now += SECOND / perSecond;
            if (!limit.tryAcquire(now) && limit.abusive()) return now;
        }
        return -1;
    }

    @Test
    void aFloodPacedToLetAFrameThroughNowAndThenIsAbusiveWithinASecond() {
        long at = abusiveAfter(new FrameRateLimit(5, 20, 0), 370 * 5, 370);
        assertTrue(at > 0 && at < SECOND, "abusive after " + at + " ns");
    }

    @Test
    void aFastTypistIsNeverAbusive() {
        // ten frames a second for ten minutes (messages and typing indicators): twice what is allowed, so refused
        // now and then, and told to slow down, but never cut off
        var limit = new FrameRateLimit(5, 20, 0);
        assertTrue(abusiveAfter(limit, 10 * 600, 10) < 0);
        assertFalse(limit.abusive());
    }

    @Test
    void burstsWithPausesBetweenAreServed() {
        var limit = new FrameRateLimit(5, 20, 0);
        long now = 0;
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < 20; i++) assertTrue(limit.tryAcquire(now), "round " + round + ", frame " + i);
            now += 4 * SECOND;
        }
    }
}
