package io.kefu.server.outreach;

import io.kefu.qa.intent.PersonalNumbers;
import io.kefu.server.conversation.CustomerChannel;
import io.kefu.server.conversation.CustomerConnected;
import io.kefu.server.conversation.MessageLog;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.staff.AuditLog;
import io.kefu.server.system.BadRequestException;
import io.kefu.server.system.KefuProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proactive care (关键时刻): the operator's systems send a customer a message from a template; it appears in the
 * customer's conversation at once if they are connected, else when they next open the chat, never during quiet
 * hours, and at most {@code daily-limit} a day (docs/outreach.md). A request is checked whole before anything is
 * stored: an unknown template or customer, a missing variable or the limit refuses it and nothing is sent.
 */
@Service
class OutreachService {

    private static final Logger log = LoggerFactory.getLogger(OutreachService.class);
    static final String KIND = "outreach";
    private static final int SWEEP_BATCH = 200;

    private final TemplateStore templates;
    private final OutreachStore store;
    private final MessageLog messages;
    private final CustomerChannel customers;
    private final AuditLog audit;
    private final OutreachSettings settings;
    private final QuietHours quietHours;
    private final ZoneId zone;
    private final TransactionTemplate tx;
    private final Clock clock;

    OutreachService(TemplateStore templates, OutreachStore store, MessageLog log, CustomerChannel customers,
                    AuditLog audit, OutreachSettings settings, KefuProperties properties,
                    PlatformTransactionManager transactions) {
        this.templates = templates;
        this.store = store;
        this.messages = log;
        this.customers = customers;
        this.audit = audit;
        this.settings = settings;
        this.zone = ZoneId.of(properties.handoff().zone());
        this.quietHours = new QuietHours(settings.quietStart(), settings.quietEnd(), zone);
        this.tx = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    /** What the operator's system asked for. */
    record Request(String template, String customer, Map<String, String> variables) {
        Request {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }

    /** Sends, or keeps for later, a message; audited whether accepted or refused. */
    OutreachMessage send(Request request, String actor, String address) {
        try {
            OutreachMessage accepted = accept(request, actor);
            audit.record(actor, "outreach", auditTarget(request.customer()), "template " + accepted.templateId()
                    + " v" + accepted.templateVersion() + ": " + accepted.id(), address);
            return deliverNow(accepted);
        } catch (OutreachException | BadRequestException e) {
            audit.record(actor, "outreach_refused", auditTarget(request.customer()),
                    "template " + clip(request.template()) + ": " + e.getMessage(), address);
            throw e;
        }
    }

    private OutreachMessage accept(Request request, String actor) {
        if (request.template() == null || request.template().isBlank()) {
            throw new BadRequestException("请指定模板 template。");
        }
        if (request.customer() == null || !CustomerConnected.validCustomerId(request.customer())) {
            throw new BadRequestException("请指定客户编号 customer（1-64 位字母、数字或 _.:-）。");
        }
        Template template = templates.latest(request.template()).orElseThrow(() -> new OutreachException(
                HttpStatus.NOT_FOUND, "unknown_template", "没有这个消息模板：" + clip(request.template()) + "。"));
        String body = template.render(request.variables());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        var message = new OutreachMessage(UUID.randomUUID().toString(), request.customer(), template.id(),
                template.version(), body, template.buttons(), OutreachStatus.PENDING, quietHours.notBefore(now), now,
                null, null, null);
        return tx.execute(status -> {
            if (!store.known(request.customer())) {
                throw new OutreachException(HttpStatus.NOT_FOUND, "unknown_customer",
                        "没有这个客户：该客户还没有通过签名的访客资料访问过在线客服。");
            }
            if (store.acceptedOn(request.customer(), today) >= settings.dailyLimit()) {
                throw new OutreachException(HttpStatus.TOO_MANY_REQUESTS, "daily_limit",
                        "该客户今天已收到 " + settings.dailyLimit() + " 条主动消息，已达每日上限。");
            }
            store.insert(message, today, actor);
            return message;
        });
    }

    /** Shows the message at once in a connected conversation of the customer's, if one is connected here. */
    private OutreachMessage deliverNow(OutreachMessage message) {
        if (message.notBefore().isAfter(clock.instant())) return message;
        for (String conversationId : store.openConversations(message.customerId())) {
            if (customers.connected(conversationId)) {
                Optional<OutreachMessage> shown = deliver(message, conversationId);
                if (shown.isPresent()) return shown.get();
            }
        }
        return message;
    }

    /** A customer came back: what is due for them is shown in the conversation they are in. */
    @EventListener
    void connected(CustomerConnected event) {
        try {
            if (event.customerId() != null) link(event.customerId(), event.visitorId());
            for (OutreachMessage due : store.dueForVisitor(event.visitorId(), clock.instant())) {
                deliver(due, event.conversationId());
            }
        } catch (RuntimeException e) {
            // the customer's chat goes on; what was not delivered stays pending for the next visit or the sweep
            log.warn("outreach for a returning visitor failed (conversation {})", event.conversationId(), e);
        }
    }

    private void link(String customerId, String visitorId) {
        try {
            store.link(customerId, visitorId);
        } catch (DuplicateKeyException e) {
            // linked by another connection of the same visitor at the same moment
        }
    }

    /** Messages held through quiet hours reach customers who are connected when the hours end. */
    @Scheduled(fixedDelayString = "${kefu.outreach.sweep-interval:30s}", initialDelayString = "${kefu.outreach.sweep-interval:30s}")
    void sweep() {
        for (OutreachMessage due : store.due(clock.instant(), SWEEP_BATCH)) deliverNow(due);
    }

    /**
     * Stores the message in the conversation and marks it delivered in one transaction (so it is shown once, however
     * many nodes or sockets try), then sends it to the customer's sockets.
     */
    private Optional<OutreachMessage> deliver(OutreachMessage message, String conversationId) {
        Instant now = clock.instant();
        Optional<StoredMessage> stored = tx.execute(status -> {
            Optional<StoredMessage> added = messages.notify(conversationId, KIND, message.body(), message.buttons());
            if (added.isEmpty()) return Optional.<StoredMessage>empty();
            if (!store.claim(message.id(), conversationId, added.get().seq(), now)) {
                status.setRollbackOnly();
                return Optional.<StoredMessage>empty();
            }
            return added;
        });
        if (stored == null || stored.isEmpty()) return Optional.empty();
        customers.deliver(conversationId, stored.get());
        return store.find(message.id());
    }

    Optional<OutreachMessage> find(String id) {
        return store.find(id);
    }

    Optional<String> response(OutreachMessage message) {
        return message.conversationId() == null ? Optional.empty()
                : store.response(message.conversationId(), message.seq());
    }

    private static String auditTarget(String customer) {
        return customer == null ? null : PersonalNumbers.maskText(clip(customer));
    }

    private static String clip(String text) {
        if (text == null) return "";
        String plain = text.replaceAll("\\p{Cntrl}", "?");
        return plain.length() <= 64 ? plain : plain.substring(0, 64);
    }
}
