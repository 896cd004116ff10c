package io.kefu.server.ticket;

import io.kefu.qa.dialog.HandoffReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kefu.server.ticket.DeskFixture.agent;
import static io.kefu.server.ticket.DeskFixture.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk on a real database: what a recorded ticket gets, who may see and change it, and its history. */
class TicketDeskTest {

    @TempDir
    Path dataDir;

    private DeskFixture f;

    @BeforeEach
    void desk() {
        f = new DeskFixture(dataDir);
    }

    private static TicketFilter all() {
        return new TicketFilter(null, null, false, null, null, false, false, null, null, 0, 20);
    }

    private static TicketFilter search(String q) {
        return new TicketFilter(null, null, false, null, null, false, false, null, q, 0, 20);
    }

    @Test
    void aTicketGetsItsKindPriorityDueTimePhoneAndACreatedEvent() {
        String c1 = f.conversation("c1", "v1", false, null);
        Ticket fault = f.desk.record("fault_report", Map.of("account", "138 0013 8000", "problem", "断网",
                "device", "宽带"), c1, "");
        assertEquals(TicketKind.FAULT_REPORT, fault.kind());
        assertEquals(TicketStatus.OPEN, fault.status());
        assertEquals(0, fault.priority());
        assertEquals(fault.created().plus(Duration.ofHours(4)), fault.due());
        assertEquals("13800138000", fault.phone());
        assertEquals("宽带", fault.subject());
        assertEquals("v1", fault.visitor());
        assertEquals(List.of(TicketEvent.Kind.CREATED), f.events.of(fault.id()).stream().map(TicketEvent::kind).toList());

        String c2 = f.conversation("c2", "v2", false, HandoffReason.COMPLAINT);
        Ticket complaint = f.desk.record("leave_message", Map.of("phone", "13900139000", "message", "乱扣费"), c2, "");
        assertEquals(TicketKind.COMPLAINT, complaint.kind(), "a message left after a complaint is a complaint");
        assertEquals(2, complaint.priority());
        assertEquals(complaint.created().plus(Duration.ofHours(2)), complaint.due());

        String c3 = f.conversation("c3", "v3", true, null);
        Ticket vip = f.desk.record("card_loss", Map.of("card", "6222021234567890128"), c3, "");
        assertEquals(1, vip.priority(), "VIP customers come before others");

        List<String> order = f.desk.list(supervisor(), all()).tickets().stream().map(Ticket::id).toList();
        assertEquals(List.of(complaint.id(), vip.id(), fault.id()), order, "complaints, then VIPs, then the rest");
    }

    @Test
    void aSecondFaultOfTheSameCustomerWithinTheWindowIsARepeatLinkedToTheFirst() {
        String c1 = f.conversation("c1", "v1", false, null);
        Ticket first = f.desk.record("fault_report", Map.of("account", "13800138000", "problem", "断网"), c1, "");
        f.clock.advance(Duration.ofDays(3));
        String c2 = f.conversation("c2", "v-other-browser", false, null);
        Ticket second = f.desk.record("fault_report", Map.of("account", "13800138000", "problem", "网速慢"), c2, "");
        assertTrue(second.repeated(), "same phone, same kind, three days later");
        assertFalse(first.repeated());
        assertEquals(List.of(first.id()), f.store.repeatLinks(second.id()));
        assertEquals(List.of(second.id()), f.store.repeatLinks(first.id()));

        Ticket other = f.desk.record("card_loss", Map.of("card", "6222021234567890128"), c1, "");
        assertFalse(other.repeated(), "a card loss is not tracked for repeats");

        f.clock.advance(Duration.ofDays(31));
        String c3 = f.conversation("c3", "v3", false, null);
        Ticket late = f.desk.record("fault_report", Map.of("account", "13800138000", "problem", "断网"), c3, "");
        assertFalse(late.repeated(), "outside the 30-day window");
    }

    @Test
    void anAgentSeesOwnAndUnassignedTicketsAndFindsThemByIdOrPhone() {
        String c1 = f.conversation("c1", "v1", false, null);
        Ticket a = f.desk.record("fault_report", Map.of("account", "13800138000"), c1, "");
        Ticket b = f.desk.record("card_loss", Map.of("card", "6222021234567890128", "phone", "13900139000"), c1, "");
        f.work.apply(agent("agent2"), b.id(), new TicketCommand.Claim());

        assertEquals(List.of(a.id()), f.desk.list(agent("agent1"), all()).tickets().stream().map(Ticket::id).toList());
        assertEquals(2, f.desk.list(supervisor(), all()).total());
        assertEquals(List.of(b.id()), f.desk.list(supervisor(), search("139 0013 9000")).tickets().stream()
                .map(Ticket::id).toList());
        assertEquals(List.of(a.id()), f.desk.list(agent("agent1"), search(a.id().toLowerCase())).tickets().stream()
                .map(Ticket::id).toList());
        assertEquals(0, f.desk.list(agent("agent1"), search(b.id())).total(), "another agent's ticket stays hidden");
        TicketProblem hidden = assertThrows(TicketProblem.class, () -> f.desk.detail(agent("agent1"), b.id()));
        assertEquals(HttpStatus.NOT_FOUND, hidden.status());
        assertThrows(TicketProblem.class, () -> f.work.apply(agent("agent1"), b.id(), new TicketCommand.Comment("x")));
    }

    @Test
    void aTicketIsWorkedFromClaimThroughCallbacksToResolvedWithEveryStepInItsHistory() {
        String c1 = f.conversation("c1", "v1", false, null);
        Ticket t = f.desk.record("fault_report", Map.of("account", "13800138000"), c1, "");
        var me = agent("agent1");
        assertEquals(TicketStatus.IN_PROGRESS, f.work.apply(me, t.id(), new TicketCommand.Claim()).status());
        f.work.apply(me, t.id(), new TicketCommand.Comment("已联系装维师傅"));
        Instant retry = f.clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Ticket waiting = f.work.apply(me, t.id(), new TicketCommand.Callback(false, "无人接听", retry));
        assertEquals(TicketStatus.CALLBACK, waiting.status());
        assertEquals(retry, waiting.callbackAt());
        TicketProblem past = assertThrows(TicketProblem.class, () -> f.work.apply(me, t.id(),
                new TicketCommand.Callback(false, null, f.clock.instant().minusSeconds(60))));
        assertEquals("再次回访的时间应晚于现在。", past.getMessage());
        assertFalse(TicketViews.TicketView.of(waiting, f.clock.instant(), f.settings).callbackDue());
        f.clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertTrue(TicketViews.TicketView.of(waiting, f.clock.instant(), f.settings).callbackDue(), "time to call again");
        Ticket reached = f.work.apply(me, t.id(), new TicketCommand.Callback(true, "客户确认已恢复", null));
        assertEquals(TicketStatus.IN_PROGRESS, reached.status());
        assertNull(reached.callbackAt());

        TicketProblem unknownCategory = assertThrows(TicketProblem.class,
                () -> f.work.apply(me, t.id(), new TicketCommand.Resolve("随便", "好了")));
        assertEquals(HttpStatus.BAD_REQUEST, unknownCategory.status());
        assertTrue(f.published.isEmpty());
        Ticket resolved = f.work.apply(me, t.id(), new TicketCommand.Resolve("已修复", "光猫已更换，网络恢复正常"));
        assertEquals(TicketStatus.RESOLVED, resolved.status());
        assertEquals(List.of(new TicketResolved(t.id())), f.published, "the customer is to hear of it");

        TicketProblem again = assertThrows(TicketProblem.class,
                () -> f.work.apply(me, t.id(), new TicketCommand.ChangeStatus(TicketStatus.CALLBACK)));
        assertEquals("工单当前为已解决，不能改为待回访。", again.getMessage());
        f.store.markNotified(t.id(), c1, f.clock.instant());
        f.store.rate(t.id(), 2, f.clock.instant());
        assertEquals(TicketStatus.IN_PROGRESS, f.work.apply(me, t.id(), new TicketCommand.Reopen("客户反馈又断网")).status());
        assertNull(f.store.find(t.id()).orElseThrow().rating(), "the next outcome is told and rated afresh");
        assertEquals(0, f.jdbc.sql("select count(*) from tickets where notified_at is not null").query(Integer.class)
                .single());

        List<TicketEvent> history = f.events.of(t.id());
        assertEquals(List.of("created", "claimed", "comment", "callback", "callback", "resolved", "reopened"),
                history.stream().map(e -> e.kind().wireName()).toList());
        assertEquals("已联系装维师傅", history.get(2).body());
        assertEquals(Boolean.FALSE, history.get(3).reached());
        assertEquals(retry, history.get(3).retryAt());
        assertEquals("已修复", history.get(5).category());
    }

    @Test
    void onlySupervisorsAssignAndOnlyToAgents() {
        String c1 = f.conversation("c1", "v1", false, null);
        Ticket t = f.desk.record("fault_report", Map.of(), c1, "");
        TicketProblem refused = assertThrows(TicketProblem.class,
                () -> f.work.apply(agent("agent1"), t.id(), new TicketCommand.Assign("agent1")));
        assertEquals(HttpStatus.FORBIDDEN, refused.status());
        assertThrows(TicketProblem.class, () -> f.work.apply(supervisor(), t.id(), new TicketCommand.Assign("editor")));
        assertThrows(TicketProblem.class, () -> f.work.apply(supervisor(), t.id(), new TicketCommand.Assign("nobody")));
        Ticket assigned = f.work.apply(supervisor(), t.id(), new TicketCommand.Assign("agent2"));
        assertEquals("agent2", assigned.owner());
        assertEquals(TicketStatus.IN_PROGRESS, assigned.status());
        Ticket back = f.work.apply(supervisor(), t.id(), new TicketCommand.Assign(null));
        assertNull(back.owner());
        assertEquals(TicketStatus.OPEN, back.status());
    }

    @Test
    void aTicketPastItsDueTimeIsOverdueAndFilteredSo() {
        String c1 = f.conversation("c1", "v1", false, HandoffReason.COMPLAINT);
        Ticket complaint = f.desk.record("leave_message", Map.of("phone", "13800138000"), c1, "");
        var overdue = new TicketFilter(null, null, false, null, null, false, true, null, null, 0, 20);
        assertEquals(0, f.desk.list(supervisor(), overdue).total());
        assertFalse(complaint.overdue(f.clock.instant()));
        f.clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertTrue(complaint.overdue(f.clock.instant()));
        assertEquals(1, f.desk.list(supervisor(), overdue).total());
        assertEquals(1, f.store.overdueCount(f.clock.instant()));
        assertEquals(1L, f.store.countsByStatus().get(TicketStatus.OPEN));
        assertEquals(0L, f.store.countsByStatus().get(TicketStatus.CLOSED));
        var view = TicketViews.TicketView.of(complaint, f.clock.instant(), f.settings);
        assertTrue(view.overdue());
        assertFalse(view.soonDue());
    }
}
