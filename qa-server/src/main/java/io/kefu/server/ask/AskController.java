package io.kefu.server.ask;

import io.kefu.qa.QaBot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ask?q=...} and {@code POST /api/ask {"q": ...}}: one question in, the bot's reply out; with
 * {@code trace=true} (or {@code "trace": true}) also what the pipeline saw and the thresholds it decided with.
 */
@RestController
class AskController {

    /** Longer input is not a question a customer types; it is refused rather than silently cut. */
    static final int MAX_QUESTION_LENGTH = 500;

    private final QaBot bot;

    AskController(QaBot bot) {
        this.bot = bot;
    }

    /** The body of {@code POST /api/ask}. */
    record AskRequest(String q, Boolean trace) {
    }

    @GetMapping("/api/ask")
    AskResponse ask(@RequestParam("q") String question,
                    @RequestParam(name = "trace", defaultValue = "false") boolean trace) {
        return answer(question, trace);
    }

    @PostMapping("/api/ask")
    AskResponse askByPost(@RequestBody AskRequest request) {
        if (request.q() == null) throw new InvalidQuestionException("缺少参数 q，请输入您想咨询的问题。");
        return answer(request.q(), Boolean.TRUE.equals(request.trace()));
    }

    private AskResponse answer(String question, boolean trace) {
        if (question.isBlank()) throw new InvalidQuestionException("问题不能为空，请输入您想咨询的内容。");
        if (question.length() > MAX_QUESTION_LENGTH) {
            throw new InvalidQuestionException("问题太长了，请控制在 " + MAX_QUESTION_LENGTH + " 个字以内。");
        }
        return AskResponse.of(bot.ask(question), trace);
    }
}
