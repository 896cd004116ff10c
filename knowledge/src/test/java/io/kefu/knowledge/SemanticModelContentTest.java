package io.kefu.knowledge;

import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.embed.SemanticModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled semantic model (docs/benchmarks.md, "A learned similarity beside the lexical one"): small enough to
 * ship, loaded with the content, and what it changes on a development message (dev/fresh.tsv) that the lexical ranking
 * sends to a neighbouring entry (座机怎么移机 for 宽带怎么移机).
 */
class SemanticModelContentTest {

    @Test
    void theBundledModelIsSmallAndLoadsWithTheContent() throws Exception {
        long size = Files.size(Demo.FOLDER.resolve(KnowledgeFolder.SEMANTIC_MODEL));
        assertTrue(size <= 20L << 20, size + " bytes");
        SemanticModel model = Demo.KNOWLEDGE.semantic().orElseThrow();
        assertTrue(model.provenance().contains("train-semantic"), model.provenance());
    }

    @Test
    void itRanksTheRightEntryFirstWhereTheLexicalRankingDoesNot() {
        String moving = "下个月要搬家到同一个城市的另一个区，原来的宽带能跟着搬过去吗";
        try (QaBot semantic = Demo.KNOWLEDGE.botBuilder().build();
             QaBot lexical = Demo.KNOWLEDGE.botBuilder().lexicalOnly().modelThresholds().build()) {
            String expected = "宽带怎么移机";
            Reply before = lexical.ask(moving);
            Reply after = semantic.ask(moving);
            assertNotEquals(expected, before.trace().candidates().get(0).question(), before.trace().toString());
            assertEquals(expected, after.trace().candidates().get(0).question(), after.trace().toString());
        }
    }
}
