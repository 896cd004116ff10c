package io.kefu.server.ticket;

import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffAccount;
import io.kefu.server.staff.StaffService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * What staff do to a ticket: each command runs under the ticket's row lock, checks who may do it and whether the
 * status allows it, saves the change and appends it to the history. A resolution is announced once committed, so
 * that the customer hears only what was saved.
 */
@Component
class TicketWork {

    private final JdbcTicketStore tickets;
    private final TicketEvents events;
    private final StaffService staff;
    private final TicketSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;

    TicketWork(JdbcTicketStore tickets, TicketEvents events, StaffService staff, TicketSettings settings,
               Clock handoffClock, ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.events = events;
        this.staff = staff;
        this.settings = settings;
        this.clock = handoffClock;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
    }

    Ticket apply(Worker worker, String id, TicketCommand command) {
        Ticket changed = tx.execute(status -> {
            Ticket ticket = tickets.lock(id).filter(worker::maySee).orElseThrow(TicketProblem::notFound);
            Instant now = clock.instant();
            Change change = change(worker, ticket, command, now);
            if (change.ticket() != ticket) tickets.update(change.ticket());
            if (command instanceof TicketCommand.Reopen) tickets.forgetOutcome(id);
            events.append(id, change.event());
            return change.ticket();
        });
        if (command instanceof TicketCommand.Resolve) publisher.publishEvent(new TicketResolved(id));
        return changed;
    }

    private record Change(Ticket ticket, TicketEvent event) {
    }

    private Change change(Worker worker, Ticket t, TicketCommand command, Instant now) {
        TicketEvent event = TicketEvent.of(now, worker.username(), kindOf(command));
        if (command instanceof TicketCommand.Claim) return claim(worker, t, event, now);
        if (command instanceof TicketCommand.Assign a) return assign(worker, t, a, event, now);
        if (command instanceof TicketCommand.ChangeStatus s) return changeStatus(worker, t, s, event, now);
        if (command instanceof TicketCommand.Comment c) return new Change(t, event.withBody(c.body()));
        if (command instanceof TicketCommand.Callback c) return callback(worker, t, c, now);
        if (command instanceof TicketCommand.Resolve r) return resolve(worker, t, r, now);
        return reopen(worker, t, (TicketCommand.Reopen) command, event, now);
    }

    private Change claim(Worker worker, Ticket t, TicketEvent event, Instant now) {
        if (t.owner() != null && !t.owner().equals(worker.username())) {
            throw TicketProblem.conflict("该工单已由 " + t.owner() + " 处理。");
        }
        if (!t.status().active()) throw TicketProblem.conflict("工单已" + t.status().label() + "，无需领取。");
        TicketStatus next = t.status() == TicketStatus.OPEN ? TicketStatus.IN_PROGRESS : t.status();
        return new Change(with(t, next, worker.username(), now), event.withOwner(worker.username()).withStatus(next));
    }

    private Change assign(Worker worker, Ticket t, TicketCommand.Assign a, TicketEvent event, Instant now) {
        if (!worker.supervisor()) throw TicketProblem.forbidden("只有主管可以分配工单。");
        if (a.owner() != null) requireAgent(a.owner());
        TicketStatus next = a.owner() == null && t.status() == TicketStatus.IN_PROGRESS ? TicketStatus.OPEN
                : a.owner() != null && t.status() == TicketStatus.OPEN ? TicketStatus.IN_PROGRESS : t.status();
        return new Change(with(t, next, a.owner(), now), event.withOwner(a.owner()).withStatus(next));
    }

    private Change changeStatus(Worker worker, Ticket t, TicketCommand.ChangeStatus s, TicketEvent event, Instant now) {
        requireWorking(worker, t);
        if (s.status() == TicketStatus.RESOLVED) throw TicketProblem.badRequest("解决工单请使用“解决”，并填写分类和处理说明。");
        requireTransition(t, s.status());
        TicketStatus next = s.status();
        String owner = next == TicketStatus.OPEN ? null : t.owner() == null ? worker.username() : t.owner();
        return new Change(with(t, next, owner, now), event.withStatus(next).withOwner(owner));
    }

    private Change callback(Worker worker, Ticket t, TicketCommand.Callback c, Instant now) {
        requireWorking(worker, t);
        if (!t.status().active()) throw TicketProblem.conflict("工单已" + t.status().label() + "，不能再记录回访。");
        if (c.retryAt() != null && !c.retryAt().isAfter(now)) throw TicketProblem.badRequest("再次回访的时间应晚于现在。");
        TicketStatus next = c.reached() ? TicketStatus.IN_PROGRESS : TicketStatus.CALLBACK;
        Ticket saved = new Ticket(t.id(), t.kind(), t.intent(), next, t.priority(), owned(t, worker), t.due(),
                t.created(), now, t.channel(), t.conversation(), t.visitor(), t.phone(), t.subject(),
                t.repeated(), t.slots(), t.note(), c.retryAt(), t.resolvedAt(), t.category(),
                t.resolutionNote(), t.rating());
        return new Change(saved, new TicketEvent(now, worker.username(), TicketEvent.Kind.CALLBACK, next,
                saved.owner(), c.note(), null, c.reached(), c.retryAt()));
    }

    private Change resolve(Worker worker, Ticket t, TicketCommand.Resolve r, Instant now) {
        requireWorking(worker, t);
        requireTransition(t, TicketStatus.RESOLVED);
        if (!settings.categories().contains(r.category())) {
            throw TicketProblem.badRequest("解决分类应为：" + String.join("、", settings.categories()) + "。");
        }
        Ticket saved = new Ticket(t.id(), t.kind(), t.intent(), TicketStatus.RESOLVED, t.priority(),
                owned(t, worker), t.due(), t.created(), now, t.channel(), t.conversation(), t.visitor(),
                t.phone(), t.subject(), t.repeated(), t.slots(), t.note(), null, now, r.category(), r.note(),
                t.rating());
        return new Change(saved, new TicketEvent(now, worker.username(), TicketEvent.Kind.RESOLVED,
                TicketStatus.RESOLVED, saved.owner(), r.note(), r.category(), null, null));
    }

    private Change reopen(Worker worker, Ticket t, TicketCommand.Reopen r, TicketEvent event, Instant now) {
        requireWorking(worker, t);
        if (t.status().active()) throw TicketProblem.conflict("工单仍在处理中，无需重新打开。");
        String owner = owned(t, worker);
        return new Change(with(t, TicketStatus.IN_PROGRESS, owner, now),
                event.withStatus(TicketStatus.IN_PROGRESS).withOwner(owner).withBody(r.note()));
    }

    private static TicketEvent.Kind kindOf(TicketCommand command) {
        if (command instanceof TicketCommand.Claim) return TicketEvent.Kind.CLAIMED;
        if (command instanceof TicketCommand.Assign) return TicketEvent.Kind.ASSIGNED;
        if (command instanceof TicketCommand.ChangeStatus) return TicketEvent.Kind.STATUS;
        if (command instanceof TicketCommand.Comment) return TicketEvent.Kind.COMMENT;
        if (command instanceof TicketCommand.Callback) return TicketEvent.Kind.CALLBACK;
        if (command instanceof TicketCommand.Resolve) return TicketEvent.Kind.RESOLVED;
        return TicketEvent.Kind.REOPENED;
    }

    /** An agent works only a ticket they own (an unassigned one they take by working it); a supervisor any. */
    private static void requireWorking(Worker worker, Ticket t) {
        if (!worker.supervisor() && t.owner() != null && !t.owner().equals(worker.username())) {
            throw TicketProblem.forbidden("该工单由 " + t.owner() + " 处理，请联系主管重新分配。");
        }
    }

    private static String owned(Ticket t, Worker worker) {
        return t.owner() == null ? worker.username() : t.owner();
    }

    private static void requireTransition(Ticket t, TicketStatus next) {
        if (!t.status().canBecome(next)) {
            throw TicketProblem.conflict("工单当前为" + t.status().label() + "，不能改为" + next.label() + "。");
        }
    }

    private void requireAgent(String username) {
        StaffAccount account = staff.find(username).filter(StaffAccount::enabled)
                .orElseThrow(() -> TicketProblem.badRequest("没有找到客服账号 " + username + "。"));
        if (account.roles().stream().noneMatch(r -> r == Role.AGENT || r == Role.SUPERVISOR || r == Role.ADMIN)) {
            throw TicketProblem.badRequest(username + " 不是客服，不能处理工单。");
        }
    }

    private static Ticket with(Ticket t, TicketStatus status, String owner, Instant now) {
        return new Ticket(t.id(), t.kind(), t.intent(), status, t.priority(), owner, t.due(), t.created(), now,
                t.channel(), t.conversation(), t.visitor(), t.phone(), t.subject(), t.repeated(), t.slots(), t.note(),
                status == TicketStatus.CALLBACK ? t.callbackAt() : null, status.active() ? null : t.resolvedAt(),
                t.category(), t.resolutionNote(), t.rating());
    }
}
