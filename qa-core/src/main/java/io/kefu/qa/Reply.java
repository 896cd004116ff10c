package io.kefu.qa;

import io.kefu.qa.intent.IntentMatch;

import java.util.List;

/**
 * The bot's reply to one question.
 *
 * @param kind        answer, clarify, none, handoff or form
 * @param id          the matched standard question's id, or {@code intent:<name>} for an intent's fixed reply
 *                    ({@code null} unless kind is answer)
 * @param question    the matched standard question ({@code null} unless kind is answer)
 * @param answer      the answer text ({@code null} unless kind is answer)
 * @param score       calibrated confidence of the best candidate, in [0,1]
 * @param suggestions the best other standard questions, best first
 * @param intent      the intent template that matched the question, if any: it decided the reply for handoff and
 *                    form, and tells a dialogue what affirm, deny or cancel words meant
 * @param trace       what each pipeline stage produced, for the content console and the evaluator
 */
public record Reply(ReplyKind kind, String id, String question, String answer, double score,
                    List<Suggestion> suggestions, IntentMatch intent, Trace trace) {

    public Reply {
        suggestions = List.copyOf(suggestions);
    }

    public boolean answered() {
        return kind == ReplyKind.ANSWER;
    }
}
