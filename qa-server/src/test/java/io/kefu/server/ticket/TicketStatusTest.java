package io.kefu.server.ticket;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status machine: 待处理 → 处理中 → 待回访 → 已解决 → 已关闭, and reopening. */
class TicketStatusTest {

    @Test
    void theWayForwardAndBack() {
        assertTrue(TicketStatus.OPEN.canBecome(TicketStatus.IN_PROGRESS));
        assertTrue(TicketStatus.IN_PROGRESS.canBecome(TicketStatus.CALLBACK));
        assertTrue(TicketStatus.CALLBACK.canBecome(TicketStatus.RESOLVED));
        assertTrue(TicketStatus.RESOLVED.canBecome(TicketStatus.CLOSED));
        assertEquals(EnumSet.of(TicketStatus.IN_PROGRESS), TicketStatus.CLOSED.next(), "closed: only reopened");
        assertTrue(TicketStatus.RESOLVED.canBecome(TicketStatus.IN_PROGRESS), "reopened");
        assertFalse(TicketStatus.CALLBACK.canBecome(TicketStatus.OPEN));
        for (TicketStatus s : TicketStatus.values()) assertFalse(s.canBecome(s), s + " to itself");
    }

    @Test
    void wireNamesAndLabels() {
        assertEquals("in_progress", TicketStatus.IN_PROGRESS.wireName());
        assertEquals(TicketStatus.CALLBACK, TicketStatus.fromWireName("callback"));
        assertEquals("待回访", TicketStatus.CALLBACK.label());
        assertEquals(TicketKind.LEAVE_MESSAGE, TicketKind.of("leave_message", false));
        assertEquals(TicketKind.COMPLAINT, TicketKind.of("leave_message", true));
        assertEquals(TicketKind.FORM, TicketKind.of("bill_query", false));
    }
}
