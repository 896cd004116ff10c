package io.kefu.server.conversation;

import io.kefu.qa.Reply;
import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.HandoffReason;
import io.kefu.qa.dialog.Turn;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.ticket.FormEffects;
import io.kefu.server.ticket.TicketSurveys;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The bot's side of a conversation: a customer message in, the bot's messages out. The one place that decides what
 * the bot says: the {@link Dialogue} (forms, hand-off, follow-ups, FAQ answers) with the conversation's stored state;
 * what the dialogue decided should happen (a ticket, a webhook) is carried out by {@link FormEffects}.
 */
@Component
class BotResponder {

    private final Dialogue dialogue;
    private final FormEffects effects;
    private final TicketSurveys surveys;
    private final ConversationStore store;
    private final KefuProperties.Triggers triggers;

    BotResponder(Dialogue dialogue, FormEffects effects, TicketSurveys surveys, ConversationStore store,
                 KefuProperties properties) {
        this.dialogue = dialogue;
        this.effects = effects;
        this.surveys = surveys;
        this.store = store;
        this.triggers = properties.handoff().triggers();
    }

    /**
     * @param conversationId the conversation the message belongs to
     * @param text           what the customer typed or clicked
     * @param chosenEntry    the standard question of the suggestion button clicked, {@code null} for typed text
     * @param state          the conversation's dialogue state as stored with it
     */
    BotTurn respond(String conversationId, String text, String chosenEntry, DialogueState state) {
        // "5分" right after the question about a resolved ticket rates it; the dialogue keeps its state
        var rated = surveys.answer(conversationId, text);
        if (rated.isPresent()) return new BotTurn(List.of(rated.get()), null, null, null);
        Turn turn = dialogue.respond(state, text, chosenEntry);
        Reply reply = turn.reply();
        HandoffReason asked = turn.handoff();
        var decision = new BotDecision(asked != null ? "handoff" : reply.kind().wireName(),
                reply.question() == null ? null : reply.id(), reply.score(), reply.trace().decidedBy(),
                reply.trace().micros());
        HandoffReason handoff = asked != null && offered(asked) ? asked : null;
        var messages = effects.carryOut(turn, conversationId).stream()
                .map(m -> m.kind() == BotMessage.Kind.HANDOFF && handoff == null ? CustomerTexts.NOT_OFFERED : m)
                .toList();
        return new BotTurn(messages, decision, turn.state(), handoff);
    }

    /** The bot starts a form by itself (e.g. taking a message when no agent is available). */
    BotTurn begin(String conversationId, String formIntent) {
        DialogueState state = store.dialogueState(conversationId).orElse(DialogueState.start());
        Turn turn = dialogue.begin(state, formIntent);
        return new BotTurn(effects.carryOut(turn, conversationId), null, turn.state(), null);
    }

    /**
     * Whether the deployment lets this reason hand the conversation off. Misses are not checked here: with that
     * trigger off the dialogue counts none ({@code kefu.handoff.triggers.misses} sets its limit).
     */
    private boolean offered(HandoffReason reason) {
        return switch (reason) {
            case REQUEST -> triggers.request();
            case COMPLAINT -> triggers.complaint();
            case FORM_FAILED -> triggers.formFailed();
            case NO_ANSWER -> true;
        };
    }
}
