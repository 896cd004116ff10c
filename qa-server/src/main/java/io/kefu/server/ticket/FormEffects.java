package io.kefu.server.ticket;

import io.kefu.qa.Reply;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.DialogueEffect;
import io.kefu.qa.dialog.Turn;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out what the dialogue decided a completed form should do: records its ticket, or posts it to its webhook
 * (and records a ticket when that fails, so that nothing the customer gave is lost), then composes the form's
 * confirmation with the ticket's id. After the reply of the ticket-status intent it lists the visitor's own tickets.
 */
@Component
public class FormEffects {

    private final TicketDesk tickets;
    private final TicketStatusReplies statusReplies;
    private final String statusReplyId;
    private final Webhook webhook;

    FormEffects(TicketDesk tickets, TicketStatusReplies statusReplies, TicketSettings settings) {
        this.tickets = tickets;
        this.statusReplies = statusReplies;
        this.statusReplyId = "intent:" + settings.statusIntent();
        this.webhook = new Webhook(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    }

    /** The turn's messages followed by the confirmation of each effect, carried out for this conversation. */
    public List<BotMessage> carryOut(Turn turn, String conversation) {
        var messages = new ArrayList<>(turn.messages());
        Reply reply = turn.reply();
        if (reply != null && statusReplyId.equals(reply.id()) && conversation != null) {
            int at = messages.stream().map(BotMessage::text).toList().indexOf(reply.answer());
            messages.add(at < 0 ? messages.size() : at + 1, statusReplies.listFor(conversation));
        }
        for (DialogueEffect effect : turn.effects()) messages.add(carryOut(effect, conversation));
        return messages;
    }

    private BotMessage carryOut(DialogueEffect effect, String conversation) {
        if (effect instanceof DialogueEffect.CallWebhook call) {
            String failure = webhook.post(call, conversation);
            if (failure == null) return call.confirmation().delivered();
            Ticket ticket = tickets.record(call.form(), call.values(), conversation, "webhook failed: " + failure);
            return call.confirmation().recordedInstead(ticket.id());
        }
        Ticket ticket = tickets.record(effect.form(), effect.values(), conversation, "");
        return effect.confirmation().recorded(ticket.id());
    }
}
