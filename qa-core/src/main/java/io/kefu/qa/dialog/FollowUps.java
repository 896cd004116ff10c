package io.kefu.qa.dialog;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Suggestion;
import io.kefu.qa.Trace;
import io.kefu.qa.intent.Phrasing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Follow-up questions that lean on the previous answer. The subject of an answer is its entry's category with the
 * entry's key nouns (彩铃 in 增值业务); a short or subject-less message (那多少钱, 国外的呢, 怎么取消, 在那边取现
 * 手续费多少), or one that alone finds no answer, is asked again with those nouns, and matched within that subject
 * first: the entry that reading is about, or the first of the entries it hesitates between, in the same category
 * and other than the entry just answered. So after 彩铃怎么开通, 那多少钱 is the 彩铃 price and not the activation
 * again. A message whose reading is clearly about another subject (那银行卡在国外能用吗 after a roaming answer)
 * keeps its own answer.
 *
 * <p>Thread-safe. It remembers the keywords of the standard questions that became topics, a pure function of their
 * text, so that each follow-up does not segment its topic again.
 */
final class FollowUps {

    /** What a follow-up's answer says decided it, in its trace. */
    static final String DECIDED_BY = "follow-up within the previous answer's subject";

    private static final Pattern FOLLOW_UP_CUE = Pattern.compile("^(那|那么|那要是|还有|另外|如果|要是|假如)|那边|那里|这种|那种");
    private static final int FOLLOW_UP_MAX_LENGTH = 8;
    private static final int MAX_REMEMBERED_TOPICS = 10_000;

    private final QaBot bot;
    /** {@link QaBot#keywords} of standard questions answered: few, but bounded for any content. */
    private final Map<String, Set<String>> questionKeywords = new ConcurrentHashMap<>();

    FollowUps(QaBot bot) {
        this.bot = bot;
    }

    /** The answer the message has within the previous answer's subject, when that is the better one; otherwise null. */
    Reply reread(DialogueState state, String text, Reply alone) {
        if (state.topic() == null || !mayFollowUp(alone)) return null;
        FaqEntry topic = bot.entry(state.topic().id()).orElse(null);
        if (topic == null) return null;
        Reply combined = bot.ask(text + " " + topic.question());
        Trace.Candidate pick = withinSubject(combined, topic);
        if (pick == null) return null;
        return namesItsOwn(alone, topic) && alone.score() >= pick.score() ? null : answer(pick, combined);
    }

    /**
     * Whether the message alone answers an entry whose every key noun it says itself (那银行卡在国外能用吗 → 银行卡
     * 在国外能用吗): then it has a subject of its own, and only a surer reading within the topic's subject replaces
     * it. An answer that brings a noun the customer did not say (信用卡 for 在那边取现手续费多少) came from the words
     * alone, and the subject of the conversation comes first.
     */
    private boolean namesItsOwn(Reply alone, FaqEntry topic) {
        return alone.kind() == ReplyKind.ANSWER && alone.question() != null && !topic.id().equals(alone.id())
                && alone.trace().keywords().containsAll(keywordsOf(alone.question()));
    }

    /**
     * A question that could lean on the last answer: not a request, a hand-off, a fixed reply or a conversation move
     * (好的, 谢谢, 不用了 are just that); a question, a statement that names something, or opening like 那/还有 or
     * pointing back (那边); and either without an answer of its own, short, pointing back, or about nothing in
     * particular. Read from the reply's trace, not again.
     */
    private static boolean mayFollowUp(Reply alone) {
        if (alone.kind() == ReplyKind.HANDOFF || alone.kind() == ReplyKind.FORM) return false;
        if (alone.kind() == ReplyKind.ANSWER && alone.question() == null) return false;
        if (alone.intent() != null && alone.intent().exact()) return false;
        String normalized = alone.trace().normalized();
        boolean cue = FOLLOW_UP_CUE.matcher(normalized).find();
        boolean says = !alone.trace().keywords().isEmpty() || Phrasing.asksQuestion(normalized);
        if (!cue && !says) return false; // 烦死了 asks nothing and names nothing: nothing to read into the topic
        return alone.kind() != ReplyKind.ANSWER || normalized.length() <= FOLLOW_UP_MAX_LENGTH || cue
                || alone.trace().keywords().isEmpty();
    }

    /**
     * The entry the reading with the topic's nouns is about, within the topic's subject and other than the topic:
     * its answer, or, when it is torn between several entries or repeats the topic, the first of its suggestions
     * in the subject. Null when the reading answers an entry of another subject: the message has a subject of its
     * own.
     */
    private Trace.Candidate withinSubject(Reply combined, FaqEntry topic) {
        List<String> plausible = combined.suggestions().stream().map(Suggestion::id).toList();
        if (combined.kind() == ReplyKind.ANSWER && combined.question() != null && !combined.id().equals(topic.id())) {
            if (!sameSubject(combined.id(), topic)) return null;
            plausible = List.of(combined.id());
        }
        for (String id : plausible) {
            if (id.equals(topic.id()) || !sameSubject(id, topic)) continue;
            return combined.trace().candidates().stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElse(new Trace.Candidate(id, "", "", 0, 0));
        }
        return null;
    }

    /** Whether an entry is in the topic's category, the content team's own grouping of what belongs together. */
    private boolean sameSubject(String id, FaqEntry topic) {
        return bot.entry(id).map(e -> e.category().equals(topic.category())).orElse(false);
    }

    private Reply answer(Trace.Candidate pick, Reply combined) {
        FaqEntry entry = bot.entry(pick.id()).orElseThrow();
        List<Suggestion> others = combined.suggestions().stream().filter(s -> !s.id().equals(entry.id())).toList();
        Trace seen = combined.trace();
        return new Reply(ReplyKind.ANSWER, entry.id(), entry.question(), entry.answer(), pick.score(), others, null,
                seen.decidedBy(DECIDED_BY));
    }

    private Set<String> keywordsOf(String question) {
        Set<String> known = questionKeywords.get(question);
        if (known != null) return known;
        Set<String> keywords = bot.keywords(question);
        if (questionKeywords.size() >= MAX_REMEMBERED_TOPICS) questionKeywords.clear();
        questionKeywords.put(question, keywords);
        return keywords;
    }
}
