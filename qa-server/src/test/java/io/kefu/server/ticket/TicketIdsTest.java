package io.kefu.server.ticket;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketIdsTest {

    private final TicketIds beijing = new TicketIds(ZoneId.of("Asia/Shanghai"), new Random(7));

    @Test
    void theDayIsTheServicesDayNotUtcs() {
        // 01:30 on 22 November in Beijing is still 21 November in UTC
        assertTrue(beijing.next(Instant.parse("2026-11-21T17:30:00Z")).startsWith("T20261122-"));
        assertTrue(beijing.next(Instant.parse("2026-11-21T15:59:59Z")).startsWith("T20261121-"));
        var utc = new TicketIds(ZoneId.of("UTC"), new Random(7));
        assertTrue(utc.next(Instant.parse("2026-11-21T17:30:00Z")).startsWith("T20261121-"));
    }

    @Test
    void theSuffixCanBeReadOutLoud() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 2_000; i++) {
            String id = beijing.next(Instant.parse("2026-11-22T02:00:00Z"));
            assertTrue(id.matches("T20261122-[2-9A-HJ-NP-Z]{6}"), id);
            seen.add(id);
        }
        assertEquals(2_000, seen.size(), "six of 32 characters: a day's ids do not repeat at this scale");
    }
}
