package io.kefu.server.ticket;

import io.kefu.server.staff.Role;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The ticket desk's HTTP API (docs/tickets.md), for agents (their own and unassigned tickets) and supervisors (all;
 * they assign). Signed-in staff only ({@code SecurityConfiguration}); errors are {@link ProblemDetail}s in Chinese.
 */
@RestController
class TicketController {

    static final int MAX_PAGE_SIZE = 100;

    private final TicketDesk desk;
    private final TicketWork work;

    TicketController(TicketDesk desk, TicketWork work) {
        this.desk = desk;
        this.work = work;
    }

    @GetMapping("/api/tickets")
    TicketViews.PageView list(Authentication auth,
                              @RequestParam(defaultValue = "false") boolean mine,
                              @RequestParam(defaultValue = "false") boolean unassigned,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) String status,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(required = false) String channel,
                              @RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw TicketProblem.badRequest("分页参数不正确：page 从 0 开始，size 为 1–" + MAX_PAGE_SIZE + "。");
        }
        Worker worker = worker(auth);
        boolean active = "active".equals(blankToNull(status));
        var filter = new TicketFilter(null, mine ? worker.username() : null, unassigned, kind(type),
                active ? null : status(status), active, overdue, blankToNull(channel), q, page, size);
        TicketPage found = desk.list(worker, filter);
        Instant now = desk.now();
        return new TicketViews.PageView(found.tickets().stream()
                .map(t -> TicketViews.TicketView.of(t, now, desk.settings())).toList(),
                found.total(), found.more(), found.page(), found.size());
    }

    @GetMapping("/api/tickets/options")
    TicketViews.Options options() {
        return TicketViews.Options.of(desk.settings());
    }

    @GetMapping("/api/tickets/{id}")
    TicketViews.DetailView detail(Authentication auth, @PathVariable String id) {
        return TicketViews.DetailView.of(desk.detail(worker(auth), id), desk.now(), desk.settings());
    }

    /** Claim, assign, status, comment, callback, resolve or reopen; answers with the ticket as it is now. */
    @PostMapping("/api/tickets/{id}/events")
    TicketViews.DetailView event(Authentication auth, @PathVariable String id, @RequestBody TicketEventRequest request) {
        Worker worker = worker(auth);
        work.apply(worker, id, request.command());
        return TicketViews.DetailView.of(desk.detail(worker, id), desk.now(), desk.settings());
    }

    @ExceptionHandler(TicketProblem.class)
    ResponseEntity<ProblemDetail> problem(TicketProblem e) {
        return ResponseEntity.status(e.status()).body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }

    private static Worker worker(Authentication auth) {
        boolean supervisor = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.SUPERVISOR.authority()) || a.equals(Role.ADMIN.authority()));
        return new Worker(auth.getName(), supervisor);
    }

    private static TicketKind kind(String type) {
        if (blankToNull(type) == null) return null;
        try {
            return TicketKind.fromWireName(type.strip());
        } catch (IllegalArgumentException e) {
            throw TicketProblem.badRequest("未知的工单类型 " + type + "。");
        }
    }

    private static TicketStatus status(String status) {
        if (blankToNull(status) == null) return null;
        try {
            return TicketStatus.fromWireName(status.strip());
        } catch (IllegalArgumentException e) {
            throw TicketProblem.badRequest("未知的工单状态 " + status + "。");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
