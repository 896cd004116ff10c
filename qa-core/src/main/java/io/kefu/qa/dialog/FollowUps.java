package io.kefu.qa.dialog;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Follow-up questions that lean on the previous answer: a short or subject-less message (那国际的呢, 怎么取消) is
 * asked again with the keywords of the standard question answered last, and that reading is kept when it fits
 * better than the message alone (怎么取消 after 彩铃怎么开通 is about 彩铃, even though some other entry also
 * explains a cancellation).
 *
 * <p>Thread-safe. It remembers the keywords of the standard questions that became topics, a pure function of their
 * text, so that each follow-up does not segment its topic again.
 */
final class FollowUps {

    private static final Pattern FOLLOW_UP_START = Pattern.compile("^(那|那么|那要是|还有|另外|如果|要是|假如)");
    private static final int FOLLOW_UP_MAX_LENGTH = 8;
    private static final int MAX_REMEMBERED_TOPICS = 10_000;

    private final QaBot bot;
    /** {@link QaBot#keywords} of topic questions: standard questions, so few, but bounded for any content. */
    private final Map<String, Set<String>> topicKeywords = new ConcurrentHashMap<>();

    FollowUps(QaBot bot) {
        this.bot = bot;
    }

    /** The message asked again with the topic's keywords, when that reading is a better answer; otherwise null. */
    Reply reread(DialogueState state, String text, Reply alone) {
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
}
