package io.kefu.server.ticket;

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
 * confirmation with the ticket's id.
 */
@Component
public class FormEffects {

    private final JdbcTicketStore tickets;
    private final Webhook webhook;

    FormEffects(JdbcTicketStore tickets) {
        this.tickets = tickets;
        this.webhook = new Webhook(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    }

    /** The turn's messages followed by the confirmation of each effect, carried out for this conversation. */
    public List<BotMessage> carryOut(Turn turn, String conversation) {
        var messages = new ArrayList<>(turn.messages());
        for (DialogueEffect effect : turn.effects()) messages.add(carryOut(effect, conversation));
        return messages;
    }

    private BotMessage carryOut(DialogueEffect effect, String conversation) {
        if (effect instanceof DialogueEffect.CallWebhook call) {
            String failure = webhook.post(call, conversation);
            if (failure == null) return call.confirmation().delivered();
            Ticket ticket = tickets.create(call.form(), call.values(), conversation, "webhook failed: " + failure);
            return call.confirmation().recordedInstead(ticket.id());
        }
        Ticket ticket = tickets.create(effect.form(), effect.values(), conversation, "");
        return effect.confirmation().recorded(ticket.id());
    }
}
