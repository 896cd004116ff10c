package io.kefu.qa.dialog;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.IntentMatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Multi-turn conversation on top of {@link QaBot}: forms that collect details and then act ({@link FormEngine}),
 * hand-off, and follow-up questions that lean on the previous answer ({@link FollowUps}). A form left alone for
 * longer than the timeout is dropped at the next message; messages in a row that get no answer hand the
 * conversation to a person ({@link MissPolicy}).
 *
 * <p>It decides and does no I/O: a {@link Turn} says what to send, why a person should take over
 * ({@link HandoffReason}), and what should happen outside ({@link DialogueEffect}: a ticket to record, a webhook to
 * call). A form's confirmation names the ticket recorded for it, so the caller carries the effect out first and then
 * sends the effect's {@link DialogueEffect.Confirmation}: one decision, then one act, and the act's result goes
 * only into that text.
 *
 * <p>Stateless between messages and thread-safe: all memory is in the {@link DialogueState} passed in and returned.
 * What it says by itself comes from {@link DialogueTexts}.
 */
public final class Dialogue {

    private final QaBot bot;
    private final Clock clock;
    private final Duration formTimeout;
    private final Messages messages;
    private final FormEngine forms;
    private final FollowUps followUps;
    private final MissPolicy misses;

    private Dialogue(Builder builder) {
        this.bot = Objects.requireNonNull(builder.bot, "bot");
        this.clock = builder.clock;
        this.formTimeout = builder.formTimeout;
        this.messages = new Messages(builder.texts);
        this.forms = new FormEngine(builder.forms, bot.intents(), messages);
        this.followUps = new FollowUps(bot);
        this.misses = new MissPolicy(builder.maxMisses, messages);
    }

    public static Builder builder(QaBot bot) {
        return new Builder(bot);
    }

    /** The bot's reply to one customer message. */
    public Turn respond(DialogueState state, String text) {
        return respond(state, text, null);
    }

    /**
     * The bot's reply to one customer message, which may be a click on a suggestion button: then the standard
     * question {@code chosenEntry} is answered as chosen, not re-read as a follow-up or as a form's answer.
     *
     * @param chosenEntry the id of the suggested standard question the customer clicked, or {@code null}
     */
    public Turn respond(DialogueState state, String text, String chosenEntry) {
        long now = clock.millis();
        var out = new ArrayList<BotMessage>();
        DialogueState current = state;
        if (current.form() != null && now - current.lastActivity() > formTimeout.toMillis()) {
            out.add(messages.timedOut(forms.form(current)));
            current = current.withForm(null);
        }
        current = current.at(now);
        Reply reply = chosenEntry == null ? bot.ask(text) : bot.choose(text, chosenEntry);
        return current.form() != null ? forms.carryOn(current, text, reply, out) : converse(current, text, reply, out);
    }

    /**
     * Starts a form without a customer message asking for it: the server opens one itself, e.g. to take a message
     * when no agent can take the conversation over. The turn's {@code reply} is {@code null}.
     *
     * @param intent the form's intent; it must be one of this dialogue's forms
     */
    public Turn begin(DialogueState state, String intent) {
        FormDefinition form = forms.form(intent);
        if (form == null) throw new IllegalArgumentException("no form " + intent);
        return forms.start(state.at(clock.millis()), form, null, new ArrayList<>());
    }

    private Turn converse(DialogueState state, String text, Reply reply, List<BotMessage> out) {
        Reply followUp = Trace.CHOSEN.equals(reply.trace().decidedBy()) ? null : followUps.reread(state, text, reply);
        if (followUp != null) {
            out.add(messages.answer(followUp));
            return Turn.of(out, state.withTopic(new DialogueState.Topic(followUp.id(), followUp.question())), followUp);
        }
        switch (reply.kind()) {
            case HANDOFF -> {
                HandoffReason reason = reasonOf(reply.intent());
                out.add(messages.handoff(reason));
                return new Turn(out, state.withMisses(0), reason, List.of(), reply);
            }
            case FORM -> {
                FormDefinition form = forms.form(reply.intent().intent());
                // an intent that asks for details no form collects is not understood
                return form != null ? forms.start(state, form, reply, out) : misses.missed(state, reply, out);
            }
            case ANSWER -> {
                return answered(state, reply, out);
            }
            case CLARIFY -> {
                out.add(messages.clarify(reply));
                return Turn.of(out, state.withMisses(0), reply);
            }
            default -> {
                if (reply.intent() != null && reply.intent().exact()) {
                    // a yes, a no or 不用了 on its own: the customer was heard, nothing was missed
                    out.add(messages.acknowledged());
                    return Turn.of(out, state.withMisses(0), reply);
                }
                return misses.missed(state, reply, out);
            }
        }
    }

    private Turn answered(DialogueState state, Reply reply, List<BotMessage> out) {
        out.add(messages.answer(reply));
        DialogueState next = reply.question() == null ? state.withMisses(0)
                : state.withTopic(new DialogueState.Topic(reply.id(), reply.question()));
        return Turn.of(out, next, reply);
    }

    /** Why a hand-off intent asks for a person: complaints are told apart, every other request is a request. */
    static HandoffReason reasonOf(IntentMatch intent) {
        return "complaint".equals(intent.intent()) ? HandoffReason.COMPLAINT : HandoffReason.REQUEST;
    }

    /** Configures a {@link Dialogue}. */
    public static final class Builder {
        private final QaBot bot;
        private final Map<String, FormDefinition> forms = new LinkedHashMap<>();
        private DialogueTexts texts;
        private Clock clock = Clock.systemUTC();
        private Duration formTimeout = Duration.ofMinutes(10);
        private int maxMisses = 2;

        private Builder(QaBot bot) {
            this.bot = bot;
        }

        public Builder forms(List<FormDefinition> definitions) {
            definitions.forEach(f -> forms.put(f.intent(), f));
            return this;
        }

        /** What the dialogue says by itself; by default {@link DialogueTexts#builtin()}. */
        public Builder texts(DialogueTexts value) {
            this.texts = Objects.requireNonNull(value, "texts");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How long a form waits for the customer before it is dropped (default 10 minutes). */
        public Builder formTimeout(Duration value) {
            this.formTimeout = Objects.requireNonNull(value, "formTimeout");
            return this;
        }

        /** Unanswered messages in a row before a person takes over (default 2; 0 never). */
        public Builder maxMisses(int value) {
            if (value < 0) throw new IllegalArgumentException("maxMisses must not be negative");
            this.maxMisses = value;
            return this;
        }

        public Dialogue build() {
            if (texts == null) texts = DialogueTexts.builtin();
            return new Dialogue(this);
        }
    }
}
