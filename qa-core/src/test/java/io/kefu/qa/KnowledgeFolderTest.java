package io.kefu.qa;

import io.kefu.qa.dialog.DialogueTexts;
import io.kefu.qa.dialog.FormDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeFolderTest {

    private static void parse(String yaml) {
        FaqFiles.parse("faq/test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void readsTheFixture() {
        KnowledgeBase kb = Fixtures.knowledgeBase();
        assertEquals(12, kb.size());
        assertEquals("测试", kb.find("balance").orElseThrow().category());
        assertEquals(4, kb.find("balance").orElseThrow().phrasings().size());
        assertTrue(Fixtures.folder().intents().intent("human").isPresent(), "the built-in intents without a folder's");
        assertEquals(List.of("leave_message"), Fixtures.folder().forms().stream().map(FormDefinition::intent).toList());
        assertEquals(DialogueTexts.builtin(), Fixtures.folder().texts());
        assertTrue(Fixtures.folder().model().isEmpty(), "the fixture has no model of its own");
    }

    @Test
    void aFolderOnTheClasspathListedInItsIndexReadsLikeTheSameFolderOnDisk() {
        KnowledgeFolder onClasspath = KnowledgeFolder.onClasspath("fixture", getClass().getClassLoader());
        assertEquals(Fixtures.knowledgeBase(), onClasspath.faq());
        assertEquals(Fixtures.lexicon(), onClasspath.lexicon());
        assertEquals("classpath:fixture/", onClasspath.toString());
        var missing = assertThrows(KnowledgeException.class,
                () -> KnowledgeFolder.onClasspath("no-such-folder", getClass().getClassLoader()));
        assertTrue(missing.getMessage().contains("no files.txt on the classpath"), missing.getMessage());
    }

    @Test
    void theFolderReplacesBuiltInFormsTextsAndIntentsByName(@TempDir Path dir) throws IOException {
        write(dir.resolve("faq/a.yaml"), "entries:\n  - {id: a, question: 话费怎么查, answer: 发短信}\n");
        write(dir.resolve("intents/x.yaml"), "intents:\n  - {name: greeting, reply: 您好！, templates: [你好]}\n");
        write(dir.resolve("forms/f.yaml"), """
                forms:
                  - intent: leave_message
                    title: 留言
                    slots: [{name: phone, type: mobile, prompt: 请留手机号。, invalid: 号码不对。}]
                    done: 已记录 {ticket}。
                """);
        write(dir.resolve("texts.yaml"), "not_found: 没找到。\n");
        KnowledgeFolder folder = KnowledgeFolder.open(dir);
        assertEquals("您好！", folder.intents().intent("greeting").orElseThrow().reply());
        assertTrue(folder.intents().intent("human").isPresent());
        assertEquals(List.of("已记录 {ticket}。"), folder.forms().stream().map(FormDefinition::done).toList());
        DialogueTexts own = DialogueTexts.parse("texts.yaml",
                new ByteArrayInputStream("not_found: 没找到。".getBytes(StandardCharsets.UTF_8)));
        assertEquals(DialogueTexts.builtin().overriddenBy(own), folder.texts());
        assertFalse(folder.texts().equals(DialogueTexts.builtin()));
    }

    @Test
    void aFolderWithoutFaqOrWithAFormTwiceIsAKnowledgeProblem(@TempDir Path dir) throws IOException {
        assertTrue(assertThrows(KnowledgeException.class, () -> KnowledgeFolder.open(dir)).getMessage()
                .contains("no faq/ folder"));
        assertTrue(assertThrows(KnowledgeException.class, () -> KnowledgeFolder.open(dir.resolve("nothing")))
                .getMessage().endsWith("not a folder"));
        write(dir.resolve("faq/a.yaml"), "entries:\n  - {id: a, question: 话费怎么查, answer: 发短信}\n");
        String form = """
                forms:
                  - intent: bill_query
                    title: 话费查询
                    slots: [{name: phone, type: mobile, prompt: 请输入号码。, invalid: 号码不对。}]
                    done: 好的。
                """;
        write(dir.resolve("forms/a.yaml"), form);
        write(dir.resolve("forms/b.yaml"), form);
        var twice = assertThrows(KnowledgeException.class, () -> KnowledgeFolder.open(dir));
        assertEquals("forms/b.yaml form bill_query field 'intent': already has a form in forms/a.yaml", twice.getMessage());
    }

    @Test
    void aModelInTheFolderIsReadAndBuiltInFormsAreThere(@TempDir Path dir) throws IOException {
        write(dir.resolve("faq/a.yaml"), "entries:\n  - {id: a, question: 话费怎么查, answer: 发短信}\n");
        Files.copy(Fixtures.SHIPPED_MODEL, dir.resolve(KnowledgeFolder.MODEL));
        KnowledgeFolder folder = KnowledgeFolder.open(dir);
        assertEquals(Fixtures.model(), folder.model().orElseThrow());
        assertEquals(FormFiles.builtin(), folder.forms());
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
        Lexicon lexicon = Fixtures.lexicon();
        assertTrue(lexicon.domainWords().contains("退订"));
        assertTrue(lexicon.domainWords().contains("花费"), "synonyms become dictionary words");
        assertEquals("话费", lexicon.canonicalForms().get("电话费"));
        assertTrue(lexicon.stopWords().contains("的"));
    }
}
