package io.kefu.server.ask;

import io.kefu.qa.Reply;
import io.kefu.qa.Suggestion;

import java.util.List;

/**
 * The bot's reply as JSON.
 *
 * @param kind        {@code answer}, {@code clarify} or {@code none}
 * @param id          the matched standard question's id, when answered
 * @param question    the matched standard question, when answered
 * @param answer      the answer text, when answered
 * @param score       the calibrated confidence of the best candidate, in [0,1]
 * @param suggestions "您是不是想问" candidates (after an answer: related questions)
 */
public record AskResponse(String kind, String id, String question, String answer, double score,
                          List<Suggestion> suggestions) {

    public static AskResponse of(Reply reply) {
        return new AskResponse(reply.kind().wireName(), reply.id(), reply.question(), reply.answer(),
                Math.round(reply.score() * 10000) / 10000.0, reply.suggestions());
    }
}
