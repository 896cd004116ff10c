package io.kefu.qa.eval;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.Lexicon;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import io.kefu.qa.rank.RankingModel;

/** The product's own pipeline, as the evaluator sees it. */
final class DefaultEngine implements Engine {

    private final QaBot bot;

    DefaultEngine(KnowledgeBase knowledge, Lexicon lexicon, RankingModel model) {
        this(QaBot.builder(), knowledge, lexicon, model);
    }

    /** @param base a builder that already knows the intents to recognise, e.g. a knowledge folder's */
    DefaultEngine(QaBot.Builder base, KnowledgeBase knowledge, Lexicon lexicon, RankingModel model) {
        this.bot = base.knowledge(knowledge).lexicon(lexicon).model(model).build();
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

    @Override
    public void close() {
        bot.close();
    }
}
