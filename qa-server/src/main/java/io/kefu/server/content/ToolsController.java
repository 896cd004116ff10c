package io.kefu.server.content;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.server.ask.AskResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The test console (a question against the draft or the published base), phrasing checks, test questions. */
@RestController
@RequestMapping("/api/content")
class ToolsController {

    /** A phrasing the live bot answers with another entry at this confidence or more is flagged. */
    static final double CLASH_SCORE = 0.6;
    private static final int MAX_QUESTION = 500;

    private final QaBot live;
    private final IntentCheck intents;
    private final DraftBot drafts;
    private final TestQuestionStore testQuestions;
    private final Clock clock;

    ToolsController(QaBot live, IntentCheck intents, DraftBot drafts, TestQuestionStore testQuestions,
                    Clock contentClock) {
        this.live = live;
        this.intents = intents;
        this.drafts = drafts;
        this.testQuestions = testQuestions;
        this.clock = contentClock;
    }

    /** {@code target}: {@code draft} or {@code published} (the default). */
    record TestRequest(String q, String target) {
    }

    @PostMapping("/test")
    AskResponse test(@RequestBody TestRequest request) {
        String q = question(request == null ? null : request.q());
        String target = request.target() == null ? "published" : request.target().strip().toLowerCase(Locale.ROOT);
        QaBot bot = switch (target) {
            case "published" -> live;
            case "draft" -> drafts.current();
            default -> throw ContentException.invalid("target 只能是 draft（草稿）或 published（已发布）。");
        };
        return AskResponse.of(bot.ask(q), true);
    }

    /** A phrasing about to be added to {@code entryId}, checked against the live bot. */
    record PhrasingCheck(String phrasing, String entryId) {
    }

    /**
     * @param clash the phrasing already goes to another entry with high confidence
     */
    record PhrasingVerdict(boolean clash, String entryId, String question, double score, String message) {
    }

    @PostMapping("/phrasings/check")
    PhrasingVerdict check(@RequestBody PhrasingCheck request) {
        String phrasing = question(request == null ? null : request.phrasing());
        Reply reply = live.ask(phrasing);
        String own = request.entryId() == null ? "" : request.entryId();
        // the ranking's best entry, whatever the reply was (an intent may have answered a question an entry owns)
        var best = reply.trace().candidates().isEmpty() ? null : reply.trace().candidates().get(0);
        boolean clash = best != null && !best.id().equals(own) && best.score() >= CLASH_SCORE;
        return new PhrasingVerdict(clash, best == null ? null : best.id(), best == null ? null : best.question(),
                best == null ? 0 : best.score(), clash
                ? "该问法目前会以 " + Math.round(best.score() * 100) + "% 的置信度匹配到条目「" + best.question()
                + "」（" + best.id() + "），请确认是否放在本条目下。" : "未与其他条目冲突。");
    }

    /** A test question as sent: the expected entry's id, or none for a question the bot should not answer. */
    record NewTestQuestion(String question, String expected, Boolean mustPass) {
    }

    /** An intents file to check: {@code name} as error messages should call it, {@code yaml} its text. */
    record IntentFile(String name, String yaml) {
    }

    /** Whether an edited intents file compiles with the others; where and why when it does not. */
    @PostMapping("/intents/check")
    IntentCheck.Verdict checkIntents(@RequestBody IntentFile file) {
        return intents.check(file == null ? null : file.name(), file == null ? null : file.yaml());
    }

    @GetMapping("/test-questions")
    List<TestQuestion> testQuestions() {
        return testQuestions.all();
    }

    /** Adds test questions; with {@code ?replace=true} they replace all the others. Returns them all. */
    @PostMapping("/test-questions")
    @ResponseStatus(HttpStatus.CREATED)
    List<TestQuestion> add(@RequestBody List<NewTestQuestion> questions,
                           @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean replace,
                           Authentication who) {
        if (questions == null) throw ContentException.invalid("请发送测试问题列表。");
        var clean = new ArrayList<TestQuestion>();
        for (int i = 0; i < questions.size(); i++) {
            NewTestQuestion q = questions.get(i);
            if (q == null || q.question() == null || q.question().isBlank()) {
                throw ContentException.invalid("第 " + (i + 1) + " 个测试问题为空。");
            }
            String expected = q.expected() == null || q.expected().isBlank() ? null : q.expected().strip();
            clean.add(new TestQuestion(0, question(q.question()), expected, Boolean.TRUE.equals(q.mustPass())));
        }
        if (replace) testQuestions.replaceAll(clean, who.getName(), clock.instant());
        else testQuestions.add(clean, who.getName(), clock.instant());
        return testQuestions.all();
    }

    private static String question(String q) {
        if (q == null || q.isBlank()) throw ContentException.invalid("请输入要测试的问题。");
        String text = io.kefu.server.system.SafeText.clean(q).strip();
        if (text.length() > MAX_QUESTION) throw ContentException.invalid("问题过长，最多 " + MAX_QUESTION + " 字。");
        return text;
    }
}
