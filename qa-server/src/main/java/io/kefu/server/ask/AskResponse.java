package io.kefu.server.ask;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kefu.qa.Reply;
import io.kefu.qa.Suggestion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bot's reply as JSON.
 *
 * @param kind        {@code answer}, {@code clarify} or {@code none}
 * @param id          the matched standard question's id, when answered
 * @param question    the matched standard question, when answered
 * @param answer      the answer text, when answered
 * @param score       the calibrated confidence of the best candidate, in [0,1]
 * @param suggestions "您是不是想问" candidates (after an answer: related questions)
 * @param intent      the intent template that matched, with its slot values masked (138****8000), if any
 * @param trace       what the pipeline saw and decided, with the thresholds in force; only when asked for
 */
public record AskResponse(String kind, String id, String question, String answer, double score,
                          List<Suggestion> suggestions, Intent intent,
                          @JsonInclude(JsonInclude.Include.NON_NULL) AskTrace trace) {

    /** An intent and its slots; personal numbers appear only masked. */
    public record Intent(String name, Map<String, String> slots) {
    }

    /** @param withTrace whether to include the {@link AskTrace} */
    public static AskResponse of(Reply reply, boolean withTrace) {
        Intent intent = reply.intent() == null ? null : new Intent(reply.intent().intent(),
                reply.intent().slots().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().masked(), (a, b) -> a, LinkedHashMap::new)));
        return new AskResponse(reply.kind().wireName(), reply.id(), reply.question(), reply.answer(),
                Math.round(reply.score() * 10000) / 10000.0, reply.suggestions(), intent,
                withTrace ? AskTrace.of(reply.trace()) : null);
    }
}
