package io.kefu.qa.knowledge;

import io.kefu.qa.Fixtures;
import io.kefu.qa.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeFilesTest {

    private static void parse(String yaml) {
        KnowledgeFiles.parse("faq/test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheFixture() {
        KnowledgeBase kb = Fixtures.knowledgeBase();
        assertEquals(12, kb.size());
        assertEquals("测试", kb.find("balance").orElseThrow().category());
        assertEquals(4, kb.find("balance").orElseThrow().phrasings().size());
    }

    @Test
    void namesTheFileEntryAndFieldOfAProblem() {
        var missingAnswer = assertThrows(KnowledgeException.class, () -> parse("""
                entries:
                  - id: a
                    question: 话费怎么查
                    answer: 发短信
                  - id: b
                    question: 宽带怎么装
                """));
        assertEquals("faq/test.yaml", missingAnswer.source());
        assertEquals("entry #2 (b)", missingAnswer.location());
        assertEquals("answer", missingAnswer.field());
    }

    @Test
    void brokenYamlIsAKnowledgeProblemNotACrash() {
        var broken = assertThrows(KnowledgeException.class, () -> parse("entries: [ {id: a, question: \"未闭合"));
        assertTrue(broken.getMessage().contains("not valid YAML"), broken.getMessage());
        assertThrows(KnowledgeException.class, () -> parse("domain: telecom\n"));
    }

    @Test
    void lexiconFilesSkipCommentsAndJoinSynonymsIntoTheDictionary() {
        var lexicon = LexiconFiles.fromDirectory(Fixtures.KNOWLEDGE);
        assertTrue(lexicon.domainWords().contains("退订"));
        assertTrue(lexicon.domainWords().contains("花费"), "synonyms become dictionary words");
        assertEquals("话费", lexicon.canonicalForms().get("电话费"));
        assertTrue(lexicon.stopWords().contains("的"));
    }
}
