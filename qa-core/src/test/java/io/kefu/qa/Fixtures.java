package io.kefu.qa;

import io.kefu.qa.rank.RankingModel;

import java.nio.file.Files;
import java.nio.file.Path;

/** The test fixtures: a small knowledge base of qa-core's own, and the ranking model the product ships. */
public final class Fixtures {

    public static final Path KNOWLEDGE = Path.of("src", "test", "resources", "fixture");

    /** The model trained by the evaluator's {@code train}, shipped in the knowledge module (one copy in the repo). */
    public static final Path SHIPPED_MODEL =
            Path.of("..", "knowledge", "src", "main", "resources", "knowledge", "ranker-model.json");

    private static final KnowledgeFolder FOLDER = KnowledgeFolder.open(KNOWLEDGE);

    private Fixtures() {
    }

    public static KnowledgeFolder folder() {
        return FOLDER;
    }

    public static KnowledgeBase knowledgeBase() {
        return FOLDER.faq();
    }

    public static Lexicon lexicon() {
        return FOLDER.lexicon();
    }

    public static RankingModel model() {
        if (!Files.exists(SHIPPED_MODEL)) throw new IllegalStateException("missing " + SHIPPED_MODEL.toAbsolutePath());
        return RankingModel.load(SHIPPED_MODEL);
    }

    public static QaBot bot() {
        return QaBot.builder().knowledge(knowledgeBase()).lexicon(lexicon()).model(model()).build();
    }
}
