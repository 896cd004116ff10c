package io.kefu.qa.dialog;

import io.kefu.qa.Reply;
import io.kefu.qa.intent.PersonalNumbers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Composes what the bot says, from the reply it decided on and the dialogue's texts. */
final class Messages {

    private final DialogueTexts texts;

    Messages(DialogueTexts texts) {
        this.texts = texts;
    }

    BotMessage answer(Reply reply) {
        return new BotMessage(BotMessage.Kind.ANSWER, reply.answer(), reply.question() == null ? null : reply.id(),
                reply.suggestions(), List.of());
    }

    BotMessage clarify(Reply reply) {
        return new BotMessage(BotMessage.Kind.CLARIFY, texts.get(DialogueTexts.Key.CLARIFY), null,
                reply.suggestions(), List.of(humanButton()));
    }

    BotMessage notFound() {
        return new BotMessage(BotMessage.Kind.NONE, texts.get(DialogueTexts.Key.NOT_FOUND), null, List.of(),
                List.of(humanButton()));
    }

    /** To 好的, 嗯嗯 or 不用了 outside a form: heard, without pretending it was a question. */
    BotMessage acknowledged() {
        return BotMessage.of(BotMessage.Kind.ANSWER, texts.get(DialogueTexts.Key.ACKNOWLEDGED));
    }

    BotMessage handoff(HandoffReason reason) {
        DialogueTexts.Key text = switch (reason) {
            case COMPLAINT -> DialogueTexts.Key.HANDOFF_COMPLAINT;
            case FORM_FAILED -> DialogueTexts.Key.FORM_FAILED;
            case REQUEST, NO_ANSWER -> DialogueTexts.Key.HANDOFF;
        };
        return BotMessage.of(BotMessage.Kind.HANDOFF, texts.get(text));
    }

    BotMessage prompt(String text) {
        return new BotMessage(BotMessage.Kind.PROMPT, text, null, List.of(),
                List.of(texts.get(DialogueTexts.Key.CANCEL_BUTTON)));
    }

    BotMessage resumed(FormDefinition form, String prompt) {
        return prompt(texts.format(DialogueTexts.Key.FORM_RESUMED, Map.of("form", form.title(), "prompt", prompt)));
    }

    BotMessage cancelled(FormDefinition form) {
        return BotMessage.of(BotMessage.Kind.NOTICE, texts.format(DialogueTexts.Key.FORM_CANCELLED, Map.of("form", form.title())));
    }

    BotMessage timedOut(FormDefinition form) {
        return BotMessage.of(BotMessage.Kind.NOTICE, texts.format(DialogueTexts.Key.FORM_TIMED_OUT, Map.of("form", form.title())));
    }

    /** What a completed form will say, its values masked, once its effect is carried out. */
    DialogueEffect.Confirmation confirmation(FormDefinition form, Map<String, String> values) {
        var masked = new LinkedHashMap<String, String>();
        for (FormDefinition.FormSlot slot : form.slots()) {
            String value = values.get(slot.name());
            if (value != null) masked.put(slot.name(), PersonalNumbers.maskValue(slot.type(), value));
        }
        return new DialogueEffect.Confirmation(form.done(), masked, texts.get(DialogueTexts.Key.WEBHOOK_FAILED));
    }

    private String humanButton() {
        return texts.get(DialogueTexts.Key.HUMAN_BUTTON);
    }
}
