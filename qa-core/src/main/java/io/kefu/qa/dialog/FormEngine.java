package io.kefu.qa.dialog;

import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.intent.SlotValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Forms: each message is read for the detail being asked for. A message that does not give it but is a question
 * the knowledge base answers confidently is answered, and the form resumes with the same question; three unusable
 * replies in a row hand the conversation to a person; 算了 / 不用了 cancel. A form with every detail ends with its
 * action as a {@link DialogueEffect}.
 */
final class FormEngine {

    private static final int MAX_FORM_FAILURES = 3;
    private static final int MAX_FREE_TEXT = 200;
    private static final Set<String> CANCEL_INTENTS = Set.of("cancel");
    private static final Pattern QUESTION_MARKERS =
            Pattern.compile("[?？]|吗|么|怎|如何|为什么|为啥|什么|多少|多久|哪|几|是否|能否|能不能|可不可以");

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

    /** The next message of a form in progress. */
    Turn carryOn(DialogueState state, String text, Reply reply, List<BotMessage> out) {
        FormDefinition form = form(state);
        IntentMatch intent = reply.intent();
        if (intent != null && intent.exact() && CANCEL_INTENTS.contains(intent.intent())) {
            out.add(messages.cancelled(form));
            return Turn.of(out, state.withForm(null), reply);
        }
        if (reply.kind() == ReplyKind.HANDOFF) {
            HandoffReason reason = Dialogue.reasonOf(intent);
            out.add(messages.handoff(reason));
            return new Turn(out, state.withForm(null), reason, List.of(), reply);
        }
        FormDefinition.FormSlot asking = nextMissing(form, state.form());
        String value = Trace.CHOSEN.equals(reply.trace().decidedBy()) ? null : read(asking, text, reply);
        if (value != null) {
            return askOrFinish(state.withForm(state.form().with(asking.name(), value)), form, reply, out);
        }
        if (reply.kind() == ReplyKind.ANSWER && reply.question() != null) {
            out.add(messages.answer(reply));
            out.add(messages.resumed(form, asking.prompt()));
            return Turn.of(out, state, reply);
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
     * The detail asked for, read from the reply: a value of the slot's type, or, for a free-text slot, the whole
     * reply unless it is phrased as a question (网速特别慢 describes a fault even though an FAQ covers it;
     * 网速慢怎么办 is a question to answer first).
     */
    private String read(FormDefinition.FormSlot slot, String text, Reply reply) {
        List<SlotValue> found = intents.recognize(reply.trace().normalized(), slot.type());
        if (!found.isEmpty()) return found.get(0).value();
        boolean askedAQuestion = QUESTION_MARKERS.matcher(text).find()
                && reply.kind() == ReplyKind.ANSWER && reply.question() != null;
        String trimmed = text.strip();
        if (slot.freeText() && !askedAQuestion && !trimmed.isEmpty()) {
            return trimmed.length() > MAX_FREE_TEXT ? trimmed.substring(0, MAX_FREE_TEXT) : trimmed;
        }
        return null;
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
