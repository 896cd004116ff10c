package io.kefu.qa.eval;

import io.kefu.qa.dialog.BotMessage;
import io.kefu.qa.dialog.DialogueEffect;
import io.kefu.qa.dialog.DialogueState;
import io.kefu.qa.dialog.Turn;

import java.util.List;
import java.util.Locale;

/**
 * What the bot did with one customer message, in the words of the development sets ({@code knowledge/dev/README.md}):
 * {@code faq:<id>}, {@code clarify:<id>}, {@code form:<intent>}, {@code form_done:<intent>}, {@code form_cancelled},
 * {@code form_prompt}, {@code handoff:<reason>}, {@code intent:<name>}, {@code none}.
 *
 * @param kind        what happened
 * @param detail      the entry, intent or hand-off reason; empty for the kinds without one
 * @param suggestions for a clarification, the entries it offered, best first
 */
record DialogueOutcome(Kind kind, String detail, List<String> suggestions) {

    /** The kinds of outcome, named as in the sets. */
    enum Kind {
        FAQ, CLARIFY, FORM, FORM_DONE, FORM_CANCELLED, FORM_PROMPT, HANDOFF, INTENT, NONE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean hasDetail() {
            return this != FORM_CANCELLED && this != FORM_PROMPT && this != NONE;
        }
    }

    /** How an intent's fixed reply is named in {@link io.kefu.qa.Reply#id()}. */
    private static final String INTENT_PREFIX = "intent:";

    DialogueOutcome {
        suggestions = List.copyOf(suggestions);
    }

    static DialogueOutcome of(Kind kind, String detail) {
        return new DialogueOutcome(kind, detail, List.of());
    }

    /** An expected outcome as the sets write it, e.g. {@code faq:tel-vas-012} or {@code form_cancelled}. */
    static DialogueOutcome parse(String written) {
        String text = written.strip();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        Kind kind;
        try {
            kind = Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown outcome '" + written + "'");
        }
        String detail = colon < 0 ? "" : text.substring(colon + 1);
        if (kind.hasDetail() == detail.isEmpty()) throw new IllegalArgumentException("malformed outcome '" + written + "'");
        return of(kind, detail);
    }

    /**
     * What a turn did, read from the dialogue's own decision: a hand-off, a completed form, the state of the form
     * before and after, and the first message.
     *
     * @param before the dialogue state the message was answered in
     */
    static DialogueOutcome of(DialogueState before, Turn turn) {
        if (turn.handoff() != null) return of(Kind.HANDOFF, turn.handoff().wireName());
        for (DialogueEffect effect : turn.effects()) return of(Kind.FORM_DONE, effect.form());
        DialogueState.FormProgress was = before.form();
        DialogueState.FormProgress now = turn.state().form();
        if (turn.messages().isEmpty()) return of(Kind.NONE, "");
        BotMessage first = turn.messages().get(0);
        if (was != null && now == null && first.kind() == BotMessage.Kind.NOTICE) return of(Kind.FORM_CANCELLED, "");
        return switch (first.kind()) {
            case ANSWER -> first.entryId() != null ? of(Kind.FAQ, first.entryId()) : of(Kind.INTENT, intentOf(turn));
            case CLARIFY -> new DialogueOutcome(Kind.CLARIFY,
                    first.suggestions().isEmpty() ? "" : first.suggestions().get(0).id(),
                    first.suggestions().stream().map(s -> s.id()).toList());
            case PROMPT -> now == null ? of(Kind.NONE, "")
                    : was != null && was.intent().equals(now.intent()) && was.values().equals(now.values())
                    ? of(Kind.FORM_PROMPT, "") : of(Kind.FORM, now.intent());
            default -> of(Kind.NONE, "");
        };
    }

    /** The intent whose fixed reply, or acknowledgement (好的 outside a form), the bot said. */
    private static String intentOf(Turn turn) {
        String id = turn.reply().id();
        if (id != null && id.startsWith(INTENT_PREFIX)) return id.substring(INTENT_PREFIX.length());
        return turn.reply().intent() == null ? "" : turn.reply().intent().intent();
    }

    /** Whether this observed outcome is the expected one; a clarification is right when it lists the expected entry. */
    boolean meets(DialogueOutcome expected) {
        if (expected.kind() == Kind.CLARIFY) return kind == Kind.CLARIFY && suggestions.contains(expected.detail());
        return kind == expected.kind() && detail.equals(expected.detail());
    }

    /** A form that completed at once counts as started: for single messages, where nothing follows. */
    DialogueOutcome started() {
        return kind == Kind.FORM_DONE ? of(Kind.FORM, detail) : this;
    }

    @Override
    public String toString() {
        return kind.hasDetail() ? kind.label() + ":" + detail : kind.label();
    }
}
