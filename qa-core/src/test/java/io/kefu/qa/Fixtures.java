package io.kefu.qa;

import io.kefu.qa.knowledge.KnowledgeFiles;
import io.kefu.qa.knowledge.LexiconFiles;
import io.kefu.qa.rank.RankingModel;

import java.nio.file.Files;
import java.nio.file.Path;

/** The test fixtures: a small knowledge base of qa-core's own, and the ranking model the product ships. */
public final class Fixtures {

    public static final Path KNOWLEDGE = Path.of("src", "test", "resources", "fixture");

    /** The model trained by {@code EvaluatorCli train}, shipped in the knowledge module (one copy in the repo). */
    public static final Path SHIPPED_MODEL =
            Path.of("..", "knowledge", "src", "main", "resources", "knowledge", "ranker-model.json");

    private Fixtures() {
    }

    public static KnowledgeBase knowledgeBase() {
        return KnowledgeFiles.fromDirectory(KNOWLEDGE);
    }

    public static Lexicon lexicon() {
        return LexiconFiles.fromDirectory(KNOWLEDGE);
    }

    public static RankingModel model() {
        if (!Files.exists(SHIPPED_MODEL)) throw new IllegalStateException("missing " + SHIPPED_MODEL.toAbsolutePath());
        return RankingModel.load(SHIPPED_MODEL);
    }

    public static QaBot bot() {
        return QaBot.builder().knowledge(knowledgeBase()).lexicon(lexicon()).model(model()).build();
    }
}
