package io.kefu.qa.dialog;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.IntentMatch;
import io.kefu.qa.intent.PersonalNumbers;
import io.kefu.qa.intent.SlotValue;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Multi-turn conversation on top of {@link QaBot}: forms that collect details and then act, hand-off, and
 * follow-up questions that lean on the previous answer.
 *
 * <p>Inside a form each message is read for the detail being asked for. A message that does not give it but is a
 * question the knowledge base answers confidently is answered, and the form resumes with the same question; three
 * unusable replies in a row hand the conversation to a person; 算了 / 不用了 cancel; a form left alone for longer
 * than the timeout is dropped at the next message. A short or subject-less message after an answer (那国际的呢,
 * 怎么取消) that the bot cannot answer alone is asked again with the previous question's keywords.
 *
 * <p>Stateless and thread-safe: all memory is in the {@link DialogueState} passed in and returned. (It remembers
 * the keywords of the standard questions that became topics, a pure function of their text, so that each follow-up
 * does not segment its topic again.)
 */
public final class Dialogue {

    private static final int MAX_FORM_FAILURES = 3;
    private static final int MAX_FREE_TEXT = 200;
    private static final Pattern FOLLOW_UP_START = Pattern.compile("^(那|那么|那要是|还有|另外|如果|要是|假如)");
    private static final int FOLLOW_UP_MAX_LENGTH = 8;
    private static final int MAX_REMEMBERED_TOPICS = 10_000;
    private static final Set<String> CANCEL_INTENTS = Set.of("cancel");
    private static final Pattern QUESTION_MARKERS =
            Pattern.compile("[?？]|吗|么|怎|如何|为什么|为啥|什么|多少|多久|哪|几|是否|能否|能不能|可不可以");

    private final QaBot bot;
    private final Map<String, FormDefinition> forms;
    private final FormActionRunner actions;
    private final Clock clock;
    private final Duration formTimeout;
    private final int maxMisses;
    /** {@link QaBot#keywords} of topic questions: standard questions, so few, but bounded for any content. */
    private final Map<String, Set<String>> topicKeywords = new ConcurrentHashMap<>();

    private Dialogue(Builder builder) {
        this.bot = Objects.requireNonNull(builder.bot, "bot");
        this.forms = Map.copyOf(builder.forms);
        this.actions = new FormActionRunner(builder.tickets, builder.http);
        this.clock = builder.clock;
        this.formTimeout = builder.formTimeout;
        this.maxMisses = builder.maxMisses;
        for (FormDefinition form : forms.values()) {
            for (FormDefinition.FormSlot slot : form.slots()) {
                if (!bot.intents().knowsType(slot.type())) {
                    throw new IllegalArgumentException("form " + form.intent() + " slot " + slot.name()
                            + " has unknown type " + slot.type());
                }
            }
        }
    }

    public static Builder builder(QaBot bot) {
        return new Builder(bot);
    }

    /**
     * The bot's reply to one customer message.
     *
     * @param conversation the conversation's id, recorded on tickets
     */
    public Turn respond(DialogueState state, String text, String conversation) {
        return respond(state, text, null, conversation);
    }

    /**
     * The bot's reply to one customer message, which may be a click on a suggestion button: then the standard
     * question {@code chosenEntry} is answered as chosen, not re-read as a follow-up or as a form's answer.
     *
     * @param chosenEntry  the id of the suggested standard question the customer clicked, or {@code null}
     * @param conversation the conversation's id, recorded on tickets
     */
    public Turn respond(DialogueState state, String text, String chosenEntry, String conversation) {
        long now = clock.millis();
        var out = new ArrayList<BotMessage>();
        DialogueState current = state;
        if (current.form() != null && now - current.lastActivity() > formTimeout.toMillis()) {
            out.add(BotMessage.of("notice", "由于较长时间没有收到您的回复，刚才的" + form(current).title() + "已取消。"));
            current = current.withForm(null);
        }
        current = current.at(now);
        Reply reply = chosenEntry == null ? bot.ask(text) : bot.choose(text, chosenEntry);
        return current.form() != null
                ? continueForm(current, text, reply, conversation, out)
                : converse(current, text, reply, conversation, out);
    }

    /**
     * Starts a form without a customer message asking for it: the server opens one itself, e.g. to take a message
     * when no agent can take the conversation over. The turn's {@code reply} is {@code null}.
     *
     * @param intent the form's intent; it must be one of this dialogue's forms
     */
    public Turn begin(DialogueState state, String intent, String conversation) {
        FormDefinition form = forms.get(intent);
        if (form == null) throw new IllegalArgumentException("no form " + intent);
        var progress = new DialogueState.FormProgress(form.intent(), new LinkedHashMap<>(), 0);
        return askOrFinish(state.at(clock.millis()).withMisses(0).withForm(progress), form, null, conversation,
                new ArrayList<>());
    }

    private Turn converse(DialogueState state, String text, Reply reply, String conversation, List<BotMessage> out) {
        Reply followUp = chosen(reply) ? null : followUp(state, text, reply);
        if (followUp != null) {
            out.add(answerMessage(followUp));
            return new Turn(out, state.withTopic(new DialogueState.Topic(followUp.id(), followUp.question())), null,
                    null, followUp);
        }
        switch (reply.kind()) {
            case HANDOFF -> {
                out.add(handoffMessage(reply.intent().intent()));
                return new Turn(out, state.withMisses(0), reply.intent().intent(), null, reply);
            }
            case FORM -> {
                FormDefinition form = forms.get(reply.intent().intent());
                if (form != null) return startForm(state, form, reply, conversation, out);
            }
            case ANSWER -> {
                out.add(answerMessage(reply));
                DialogueState next = reply.question() == null ? state.withMisses(0)
                        : state.withTopic(new DialogueState.Topic(reply.id(), reply.question()));
                return new Turn(out, next, null, null, reply);
            }
            default -> {
            }
        }
        if (reply.kind() == ReplyKind.CLARIFY) {
            out.add(new BotMessage("clarify", "您是不是想问：", null, reply.suggestions(), List.of("转人工")));
            return new Turn(out, state.withMisses(0), null, null, reply);
        }
        int misses = state.misses() + 1;
        if (maxMisses > 0 && misses >= maxMisses) {
            out.add(handoffMessage("no_answer"));
            return new Turn(out, state.withMisses(0), "no_answer", null, reply);
        }
        out.add(new BotMessage("none", "抱歉，这个问题我暂时没有找到答案。您可以换个说法再问我，或者回复“转人工”由人工客服为您解答。",
                null, List.of(), List.of("转人工")));
        return new Turn(out, state.withMisses(misses), null, null, reply);
    }

    /**
     * The question asked again with the previous topic's keywords, when it looks like it leans on the previous
     * answer and that reading fits better than the question alone (怎么取消 after 彩铃怎么开通 is about 彩铃,
     * even though some other entry also explains a cancellation).
     */
    private Reply followUp(DialogueState state, String text, Reply alone) {
        if (state.topic() == null || alone.kind() == ReplyKind.HANDOFF || alone.kind() == ReplyKind.FORM
                || (alone.kind() == ReplyKind.ANSWER && alone.question() == null) || !looksLikeFollowUp(alone)) {
            return null;
        }
        Set<String> keywords = keywordsOfTopic(state.topic().question());
        if (keywords.isEmpty()) return null;
        Reply combined = bot.ask(text + " " + String.join(" ", keywords));
        boolean better = alone.kind() != ReplyKind.ANSWER || combined.score() > alone.score();
        return combined.kind() == ReplyKind.ANSWER && combined.question() != null && better ? combined : null;
    }

    /** Short, opening like 那/还有, or about nothing in particular: read from the reply's trace, not again. */
    private static boolean looksLikeFollowUp(Reply alone) {
        String normalized = alone.trace().normalized();
        return normalized.length() <= FOLLOW_UP_MAX_LENGTH || FOLLOW_UP_START.matcher(normalized).find()
                || alone.trace().keywords().isEmpty();
    }

    private Set<String> keywordsOfTopic(String question) {
        Set<String> known = topicKeywords.get(question);
        if (known != null) return known;
        Set<String> keywords = bot.keywords(question);
        if (topicKeywords.size() >= MAX_REMEMBERED_TOPICS) topicKeywords.clear();
        topicKeywords.put(question, keywords);
        return keywords;
    }

    private Turn startForm(DialogueState state, FormDefinition form, Reply reply, String conversation,
                           List<BotMessage> out) {
        var values = new LinkedHashMap<String, String>();
        for (FormDefinition.FormSlot slot : form.slots()) {
            SlotValue said = reply.intent().slots().get(slot.name());
            if (said != null && said.type().equals(slot.type())) values.put(slot.name(), said.value());
        }
        var progress = new DialogueState.FormProgress(form.intent(), values, 0);
        return askOrFinish(state.withMisses(0).withForm(progress), form, reply, conversation, out);
    }

    private Turn continueForm(DialogueState state, String text, Reply reply, String conversation,
                              List<BotMessage> out) {
        FormDefinition form = form(state);
        IntentMatch intent = reply.intent();
        if (intent != null && intent.exact() && CANCEL_INTENTS.contains(intent.intent())) {
            out.add(BotMessage.of("notice", "好的，已为您取消" + form.title() + "。还有什么可以帮您？"));
            return new Turn(out, state.withForm(null), null, null, reply);
        }
        if (reply.kind() == ReplyKind.HANDOFF) {
            out.add(handoffMessage(intent.intent()));
            return new Turn(out, state.withForm(null), intent.intent(), null, reply);
        }
        FormDefinition.FormSlot asking = nextMissing(form, state.form());
        String value = chosen(reply) ? null : read(asking, text, reply);
        if (value != null) {
            return askOrFinish(state.withForm(state.form().with(asking.name(), value)), form, reply, conversation, out);
        }
        if (reply.kind() == ReplyKind.ANSWER && reply.question() != null) {
            out.add(answerMessage(reply));
            out.add(prompt("我们继续刚才的" + form.title() + "：" + asking.prompt()));
            return new Turn(out, state, null, null, reply);
        }
        DialogueState.FormProgress failed = state.form().failed();
        if (failed.failures() >= MAX_FORM_FAILURES) {
            out.add(BotMessage.of("handoff", "抱歉，我没能识别您提供的信息，正在为您转接人工客服，请稍候。"));
            return new Turn(out, state.withForm(null), "form_failed", null, reply);
        }
        out.add(prompt(asking.invalid()));
        return new Turn(out, state.withForm(failed), null, null, reply);
    }

    /**
     * The detail asked for, read from the reply: a value of the slot's type, or, for a free-text slot, the whole
     * reply unless it is phrased as a question (网速特别慢 describes a fault even though an FAQ covers it;
     * 网速慢怎么办 is a question to answer first).
     */
    private String read(FormDefinition.FormSlot slot, String text, Reply reply) {
        String normalized = reply.trace().normalized();
        List<SlotValue> found = bot.intents().recognize(normalized, slot.type());
        if (!found.isEmpty()) return found.get(0).value();
        boolean askedAQuestion = QUESTION_MARKERS.matcher(text).find()
                && reply.kind() == ReplyKind.ANSWER && reply.question() != null;
        String trimmed = text.strip();
        if (slot.freeText() && !askedAQuestion && !trimmed.isEmpty()) {
            return trimmed.length() > MAX_FREE_TEXT ? trimmed.substring(0, MAX_FREE_TEXT) : trimmed;
        }
        return null;
    }

    private Turn askOrFinish(DialogueState state, FormDefinition form, Reply reply, String conversation,
                             List<BotMessage> out) {
        FormDefinition.FormSlot missing = nextMissing(form, state.form());
        if (missing != null) {
            out.add(prompt(missing.prompt()));
            return new Turn(out, state, null, null, reply);
        }
        Map<String, String> values = state.form().values();
        Ticket ticket = actions.run(form, values, conversation);
        out.add(BotMessage.of("done", confirmation(form, values, ticket)));
        return new Turn(out, state.withForm(null), null, ticket, reply);
    }

    private String confirmation(FormDefinition form, Map<String, String> values, Ticket ticket) {
        String text = form.done().replace("{ticket}", ticket == null ? "" : ticket.id());
        for (FormDefinition.FormSlot slot : form.slots()) {
            String value = values.get(slot.name());
            if (value != null) {
                text = text.replace("{" + slot.name() + "}", PersonalNumbers.maskValue(slot.type(), value));
            }
        }
        if (ticket != null && !ticket.note().isEmpty()) {
            text = "系统暂时繁忙，您的申请已登记为工单 " + ticket.id() + "，工作人员会尽快处理。";
        }
        return text;
    }

    private static FormDefinition.FormSlot nextMissing(FormDefinition form, DialogueState.FormProgress progress) {
        return form.slots().stream().filter(s -> !progress.values().containsKey(s.name())).findFirst().orElse(null);
    }

    private FormDefinition form(DialogueState state) {
        FormDefinition form = forms.get(state.form().intent());
        if (form == null) throw new IllegalStateException("no form " + state.form().intent());
        return form;
    }

    private static boolean chosen(Reply reply) {
        return Trace.CHOSEN.equals(reply.trace().decidedBy());
    }

    private static BotMessage answerMessage(Reply reply) {
        return new BotMessage("answer", reply.answer(), reply.question() == null ? null : reply.id(),
                reply.suggestions(), List.of());
    }

    private static BotMessage prompt(String text) {
        return new BotMessage("prompt", text, null, List.of(), List.of("取消"));
    }

    private static BotMessage handoffMessage(String reason) {
        String text = "complaint".equals(reason)
                ? "非常抱歉给您带来不好的体验，正在为您转接人工客服处理您的投诉，请稍候。"
                : "好的，正在为您转接人工客服，请稍候。";
        return BotMessage.of("handoff", text);
    }

    /** Configures a {@link Dialogue}. */
    public static final class Builder {
        private final QaBot bot;
        private final Map<String, FormDefinition> forms = new LinkedHashMap<>();
        private TicketStore tickets;
        private HttpClient http;
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

        public Builder tickets(TicketStore store) {
            this.tickets = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder http(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
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
            if (tickets == null) tickets = new InMemoryTicketStore(clock);
            if (http == null) http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            return new Dialogue(this);
        }
    }
}
