package io.kefu.qa;

import io.kefu.qa.embed.SemanticFixtures;
import io.kefu.qa.embed.SemanticModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learned representation on the fixture knowledge base: a hand-made model in which the characters of broadband
 * faults and of an optical modem point one way and those of bank cards another, so that its effect can be told.
 */
class SemanticRankingTest {

    /** Strong trust in the cosine, some in the lexical model: {@code σ(-4 + z + 8c)}. */
    private static final double[] BLEND = {-4, 1, 8, 0, 0};

    private static final SemanticModel BROADBAND_AND_CARDS = SemanticFixtures.byTopic(topics("宽带网断修光猫灯闪", "银行信用"), BLEND);

    /** Each character of the i-th string has topic i. */
    private static Map<String, Integer> topics(String... characters) {
        var topics = new java.util.HashMap<String, Integer>();
        for (int t = 0; t < characters.length; t++) {
            for (char c : characters[t].toCharArray()) topics.put(String.valueOf(c), t);
        }
        return topics;
    }

    private static QaBot bot(SemanticModel semantic) {
        QaBot.Builder builder = QaBot.builder().knowledge(Fixtures.knowledgeBase()).lexicon(Fixtures.lexicon())
                .model(Fixtures.model());
        return (semantic == null ? builder : builder.semantic(semantic)).build();
    }

    @Test
    void findsAnEntryThatSharesNoWordWithTheQuestionByItsVector() {
        String question = "光猫一直闪红灯";
        try (QaBot lexical = bot(null); QaBot semantic = bot(BROADBAND_AND_CARDS)) {
            assertFalse(lexical.ask(question).trace().candidates().stream().anyMatch(c -> c.id().equals("broadband-repair")),
                    "no phrasing shares a character with the question");
            Reply reply = semantic.ask(question);
            assertEquals("broadband-repair", reply.trace().candidates().get(0).id(), () -> reply.trace().toString());
        }
    }

    @Test
    void blendsTheCosineIntoEveryScore() {
        String question = "宽带断网了";
        try (QaBot lexical = bot(null); QaBot semantic = bot(BROADBAND_AND_CARDS)) {
            double before = lexical.similarity(question, "broadband-repair");
            double after = semantic.similarity(question, "broadband-repair");
            // parallel vectors: σ(-4 + z + 8) against σ(z)
            assertEquals(1 / (1 + Math.exp(-(Math.log(before / (1 - before)) + 4))), after, 1e-6);
            assertTrue(semantic.similarity(question, "card-lost") < lexical.similarity(question, "card-lost"),
                    "a bank entry loses what the lexical model gave it");
        }
    }

    @Test
    void withoutTheModelRankingIsExactlyLexical() {
        try (QaBot plain = Fixtures.bot(); QaBot lexical = bot(null)) {
            for (String question : new String[]{"宽带坏了", "信用卡年费", "彩铃怎么关"}) {
                assertEquals(plain.ask(question).trace().candidates(), lexical.ask(question).trace().candidates());
            }
        }
    }

    @Test
    void aKnowledgeFolderCarriesItsModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        var files = java.nio.file.Files.walk(Fixtures.KNOWLEDGE).filter(java.nio.file.Files::isRegularFile).toList();
        for (var file : files) {
            var target = folder.resolve(Fixtures.KNOWLEDGE.relativize(file).toString());
            java.nio.file.Files.createDirectories(target.getParent());
            java.nio.file.Files.copy(file, target);
        }
        BROADBAND_AND_CARDS.save(folder.resolve(KnowledgeFolder.SEMANTIC_MODEL));
        KnowledgeFolder knowledge = KnowledgeFolder.open(folder);
        assertEquals(BROADBAND_AND_CARDS.fingerprint(), knowledge.semantic().orElseThrow().fingerprint());
        try (QaBot bot = knowledge.botBuilder().model(Fixtures.model()).build()) {
            assertEquals("broadband-repair", bot.ask("光猫一直闪红灯").trace().candidates().get(0).id());
        }
        java.nio.file.Files.writeString(folder.resolve(KnowledgeFolder.SEMANTIC_MODEL), "not a model");
        KnowledgeException broken = org.junit.jupiter.api.Assertions.assertThrows(KnowledgeException.class,
                () -> KnowledgeFolder.open(folder));
        assertTrue(broken.getMessage().contains(KnowledgeFolder.SEMANTIC_MODEL), broken.getMessage());
    }
}
