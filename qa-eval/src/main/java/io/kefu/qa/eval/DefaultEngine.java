package io.kefu.qa.eval;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.Lexicon;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.rank.RankingModel;

/** The product's own pipeline, as the evaluator sees it. */
final class DefaultEngine implements Engine {

    private final QaBot bot;

    /** With the model's thresholds. */
    DefaultEngine(KnowledgeBase knowledge, Lexicon lexicon, RankingModel model) {
        this(QaBot.builder().knowledge(knowledge).lexicon(lexicon).model(model));
    }

    /** A bot as configured, e.g. with calibration. */
    DefaultEngine(QaBot.Builder configured) {
        this.bot = configured.build();
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public Result ask(String question) {
        Reply reply = bot.ask(question);
        String clarified = reply.kind() == ReplyKind.CLARIFY && !reply.suggestions().isEmpty()
                ? reply.suggestions().get(0).id() : null;
        return new Result(reply.trace().candidates().stream().map(Trace.Candidate::id).toList(),
                reply.answered() ? reply.id() : null, clarified);
    }

    @Override
    public double score(String question, String entryId) {
        return bot.similarity(question, entryId);
    }

    /** The thresholds the engine decides with. */
    Calibration calibration() {
        return bot.calibration();
    }

    @Override
    public void close() {
        bot.close();
    }
}
