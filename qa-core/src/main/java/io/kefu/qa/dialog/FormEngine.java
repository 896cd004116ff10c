package io.kefu.qa.dialog;

import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.Intent;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.intent.Mood;
import io.kefu.qa.intent.Phrasing;
import io.kefu.qa.intent.SlotValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forms: each message is read for the detail being asked for, after the customer's explicit wishes (a person, a
 * complaint, 算了). A question the knowledge base answers is answered, and the form resumes with the same question;
 * another request replaces the form; three unusable replies in a row hand the conversation to a person. A form with
 * every detail ends with its action as a {@link DialogueEffect}.
 */
final class FormEngine {

    private static final int MAX_FORM_FAILURES = 3;
    private static final int MAX_FREE_TEXT = 200;
    /** The built-in intents a form treats specially (a knowledge folder may redefine their templates). */
    private static final String CANCEL = "cancel";
    private static final String GOODBYE = "goodbye";

    private final Map<String, FormDefinition> forms;
    private final IntentMatcher intents;
    private final Messages messages;

    FormEngine(Map<String, FormDefinition> forms, IntentMatcher intents, Messages messages) {
        this.forms = Map.copyOf(forms);
        this.intents = intents;
        this.messages = messages;
        for (FormDefinition form : forms.values()) {
            for (FormDefinition.FormSlot slot : form.slots()) {
                if (!intents.knowsType(slot.type())) {
                    throw new IllegalArgumentException("form " + form.intent() + " slot " + slot.name()
                            + " has unknown type " + slot.type());
                }
            }
        }
    }

    /** The form of an intent, or null when the intent has none. */
    FormDefinition form(String intent) {
        return forms.get(intent);
    }

    /** The form in progress. */
    FormDefinition form(DialogueState state) {
        FormDefinition form = forms.get(state.form().intent());
        if (form == null) throw new IllegalStateException("no form " + state.form().intent());
        return form;
    }

    /** Starts a form with the details the message already gave. */
    Turn start(DialogueState state, FormDefinition form, Reply reply, List<BotMessage> out) {
        var values = new LinkedHashMap<String, String>();
        for (FormDefinition.FormSlot slot : form.slots()) {
            SlotValue said = reply == null ? null : reply.intent().slots().get(slot.name());
            if (said != null && said.type().equals(slot.type())) values.put(slot.name(), said.value());
        }
        var progress = new DialogueState.FormProgress(form.intent(), values, 0);
        return askOrFinish(state.withMisses(0).withForm(progress), form, reply, out);
    }

    /**
     * The next message of a form in progress. The customer's explicit wishes come before reading it for the detail
     * asked for: a person or a complaint hands over; a cancel word (算了, 不查了 算了吧, 不用了 我自己看, 不需要) in
     * a message that asks nothing cancels (a form asks for details, never yes or no); thanks or a greeting is answered
     * beside the form, and a goodbye ends it. Then the detail (a yes or a no is never one, not even as free text);
     * then another request, which replaces this form; then a question the knowledge base answers confidently, after
     * which the form goes on. Anything else is asked for again.
     */
    Turn carryOn(DialogueState state, String text, Reply reply, List<BotMessage> out) {
        FormDefinition form = form(state);
        IntentMatch intent = reply.intent();
        if (reply.kind() == ReplyKind.HANDOFF) {
            HandoffReason reason = Dialogue.reasonOf(intent);
            out.add(messages.handoff(reason));
            return new Turn(out, state.withForm(null), reason, List.of(), reply);
        }
        if (cancels(intent)) {
            out.add(messages.cancelled(form));
            return Turn.of(out, state.withForm(null), reply);
        }
        FormDefinition.FormSlot asking = nextMissing(form, state.form());
        boolean fixedReply = reply.kind() == ReplyKind.ANSWER && reply.question() == null;
        if (fixedReply && isMove(intent)) return aside(state, form, asking, reply, out);
        boolean chosen = Trace.CHOSEN.equals(reply.trace().decidedBy());
        String value = chosen ? null : read(asking, text, reply);
        if (value != null) {
            DialogueState.FormProgress progress = alsoGiven(form, state.form().with(asking.name(), value), reply);
            return askOrFinish(state.withForm(progress), form, reply, out);
        }
        FormDefinition other = reply.kind() == ReplyKind.FORM ? forms.get(intent.intent()) : null;
        if (other != null && !other.intent().equals(form.intent())) return start(state.withForm(null), other, reply, out);
        // only a confident answer interrupts: a "您是不是想问" in the middle of a form would lead away from it
        if (reply.kind() == ReplyKind.ANSWER && (fixedReply || chosen || asks(text, reply))) {
            return aside(state, form, asking, reply, out);
        }
        DialogueState.FormProgress failed = state.form().failed();
        if (failed.failures() >= MAX_FORM_FAILURES) {
            out.add(messages.handoff(HandoffReason.FORM_FAILED));
            return new Turn(out, state.withForm(null), HandoffReason.FORM_FAILED, List.of(), reply);
        }
        out.add(messages.prompt(asking.invalid()));
        return Turn.of(out, state.withForm(failed), reply);
    }

    /**
     * Something said beside the form (a question answered, thanks, a greeting, a yes): its answer, if it has one,
     * then the form's question again; after a goodbye the form is dropped, the customer is leaving.
     */
    private Turn aside(DialogueState state, FormDefinition form, FormDefinition.FormSlot asking, Reply reply,
                       List<BotMessage> out) {
        if (reply.kind() == ReplyKind.ANSWER) out.add(messages.answer(reply));
        if (reply.intent() != null && GOODBYE.equals(reply.intent().intent())) {
            return Turn.of(out, state.withForm(null), reply);
        }
        out.add(messages.resumed(form, asking.prompt()));
        return Turn.of(out, state, reply);
    }

    /** A cancel word that is the message, or stands in a message that asks nothing (不查了，算了吧). */
    private static boolean cancels(IntentMatch intent) {
        return intent != null && CANCEL.equals(intent.intent()) && (intent.exact() || intent.mood() != Mood.QUESTION);
    }

    /** A whole-message conversation move (谢谢, 你好, 好的, 没有, 拜拜): never the detail asked for, even as free text. */
    private boolean isMove(IntentMatch intent) {
        return intent != null && intent.exact()
                && intents.intents().intent(intent.intent()).map(Intent::wholeMessage).orElse(false);
    }

    /** Whether the message is a question: a question mark, or the words that make one (怎么, 多少, 吗, 收不收). */
    private static boolean asks(String text, Reply reply) {
        return text.indexOf('?') >= 0 || text.indexOf('？') >= 0 || Phrasing.asksQuestion(reply.trace().normalized());
    }

    /**
     * The detail asked for, read from the reply: a value of the slot's type, or, for a free-text slot, the whole
     * reply unless it is phrased as a question (网速特别慢 describes a fault even though an FAQ covers it;
     * 网速慢怎么办 is a question to answer first) or is a conversation move (好的, 没有).
     */
    private String read(FormDefinition.FormSlot slot, String text, Reply reply) {
        List<SlotValue> found = intents.recognize(reply.trace().normalized(), slot.type());
        if (!found.isEmpty()) return found.get(0).value();
        boolean askedAQuestion = asks(text, reply) && reply.kind() == ReplyKind.ANSWER && reply.question() != null;
        String trimmed = text.strip();
        if (slot.freeText() && !askedAQuestion && !isMove(reply.intent()) && !trimmed.isEmpty()) {
            return trimmed.length() > MAX_FREE_TEXT ? trimmed.substring(0, MAX_FREE_TEXT) : trimmed;
        }
        return null;
    }

    /**
     * The other details the same message gave, recognised by their type (13700137000，网速慢 answers the account and
     * the fault at once); a value already taken is not taken twice, and free text only answers the detail asked for.
     */
    private DialogueState.FormProgress alsoGiven(FormDefinition form, DialogueState.FormProgress progress, Reply reply) {
        DialogueState.FormProgress filled = progress;
        for (FormDefinition.FormSlot slot : form.slots()) {
            if (filled.values().containsKey(slot.name())) continue;
            for (SlotValue found : intents.recognize(reply.trace().normalized(), slot.type())) {
                if (filled.values().containsValue(found.value())) continue;
                filled = filled.with(slot.name(), found.value());
                break;
            }
        }
        return filled;
    }

    /** Asks for the next missing detail, or completes the form with its action. */
    private Turn askOrFinish(DialogueState state, FormDefinition form, Reply reply, List<BotMessage> out) {
        FormDefinition.FormSlot missing = nextMissing(form, state.form());
        if (missing != null) {
            out.add(messages.prompt(missing.prompt()));
            return Turn.of(out, state, reply);
        }
        Map<String, String> values = state.form().values();
        DialogueEffect.Confirmation confirmation = messages.confirmation(form, values);
        DialogueEffect effect = form.action() instanceof FormAction.Webhook webhook
                ? new DialogueEffect.CallWebhook(webhook.url(), webhook.timeout(), form.intent(), values, confirmation)
                : new DialogueEffect.RecordTicket(form.intent(), values, confirmation);
        return new Turn(out, state.withForm(null), null, List.of(effect), reply);
    }

    private static FormDefinition.FormSlot nextMissing(FormDefinition form, DialogueState.FormProgress progress) {
        return form.slots().stream().filter(s -> !progress.values().containsKey(s.name())).findFirst().orElse(null);
    }
}
