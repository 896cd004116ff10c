package io.kefu.server.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Ticket ids a customer can read out on the phone: T20261122-4F7K2Q. The day is the service's own (its
 * {@code kefu.handoff.zone}), so a ticket opened at 01:00 in Beijing carries that day, not UTC's day before.
 */
final class TicketIds {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read out loud
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ZoneId zone;
    private final RandomGenerator random;

    TicketIds(ZoneId zone, RandomGenerator random) {
        this.zone = zone;
        this.random = random;
    }

    String next(Instant now) {
        var id = new StringBuilder("T").append(DAY.format(now.atZone(zone).toLocalDate())).append('-');
        for (int i = 0; i < 6; i++) id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return id.toString();
    }
}
