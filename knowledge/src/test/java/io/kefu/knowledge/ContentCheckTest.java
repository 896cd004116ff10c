package io.kefu.knowledge;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.Lexicon;
import io.kefu.qa.dialog.DialogueTexts;
import io.kefu.qa.dialog.FormDefinition;
import io.kefu.qa.rank.LogisticScorer;
import io.kefu.qa.rank.RankingModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps the bundled content consistent, the way a message-bundle test keeps translations in sync. */
class ContentCheckTest {

    private final KnowledgeBase knowledge = Demo.KNOWLEDGE.faq();

    /** Spelling differences that do not make a different phrasing: width, case, spaces, punctuation. */
    static String key(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        var out = new StringBuilder();
        nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    @Test
    void coversBothDomainsWithEnoughEntries() {
        assertTrue(knowledge.size() >= 300, "at least 300 standard questions, found " + knowledge.size());
        assertTrue(knowledge.entries().stream().anyMatch(e -> e.id().startsWith("tel-")));
        assertTrue(knowledge.entries().stream().anyMatch(e -> e.id().startsWith("bank-")));
    }

    @Test
    void everyEntryIsComplete() {
        var problems = new ArrayList<String>();
        for (FaqEntry entry : knowledge.entries()) {
            if (entry.answer().isBlank()) problems.add(entry.id() + ": empty answer");
            if (entry.category().isBlank()) problems.add(entry.id() + ": no category");
            if (entry.similar().size() < 4) problems.add(entry.id() + ": fewer than 4 similar phrasings");
            if (entry.answer().contains("<")) problems.add(entry.id() + ": HTML in the answer");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noPhrasingBelongsToTwoEntries() {
        var owner = new HashMap<String, String>();
        var clashes = new ArrayList<String>();
        for (FaqEntry entry : knowledge.entries()) {
            for (String phrasing : new HashSet<>(entry.phrasings().stream().map(ContentCheckTest::key).toList())) {
                String earlier = owner.putIfAbsent(phrasing, entry.id());
                if (earlier != null) clashes.add(phrasing + ": " + earlier + " and " + entry.id());
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void eachSynonymBelongsToOneGroupAndNoNegationOrQuestionWordIsAStopWord() {
        Lexicon lexicon = Demo.KNOWLEDGE.lexicon();
        var seen = new HashMap<String, Integer>();
        var clashes = new ArrayList<String>();
        for (int g = 0; g < lexicon.synonyms().size(); g++) {
            for (String word : lexicon.synonyms().get(g)) {
                Integer earlier = seen.putIfAbsent(word, g);
                if (earlier != null) clashes.add(word);
            }
        }
        assertEquals(List.of(), clashes, "words in more than one synonym group");
        for (String meaningful : List.of("不", "没", "没有", "怎么", "多少", "什么", "哪里")) {
            assertTrue(!lexicon.stopWords().contains(meaningful), meaningful + " must not be a stop word");
        }
        assertTrue(lexicon.domainWords().containsAll(List.of("退订", "彩铃", "手机号", "携号转网", "加油包", "云闪付")));
    }

    @Test
    void theShippedRankingModelLoadsAndIsALogisticRegression() {
        RankingModel model = Demo.KNOWLEDGE.model().orElseThrow();
        assertTrue(model.thresholds().answer() > 0);
        LogisticScorer scorer = model.scorer();
        assertEquals(LogisticScorer.expandedSize(model.features().size(), scorer.quadratic()), scorer.weights().length);
    }

    @Test
    void theIndexListsEveryContentFileSoTheFolderReadsTheSameFromTheClasspath() throws IOException {
        List<String> listed = Files.readAllLines(Demo.FOLDER.resolve(KnowledgeFolder.INDEX)).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        List<String> present;
        try (Stream<Path> files = Files.walk(Demo.FOLDER)) {
            present = files.filter(Files::isRegularFile).map(f -> Demo.FOLDER.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith(".md") && !name.equals(KnowledgeFolder.INDEX)).sorted().toList();
        }
        assertEquals(present, listed, KnowledgeFolder.INDEX + " must list the folder's content files");
        KnowledgeFolder bundled = KnowledgeFolder.bundled();
        assertEquals(Demo.KNOWLEDGE.faq(), bundled.faq());
        assertEquals(Demo.KNOWLEDGE.lexicon(), bundled.lexicon());
        assertEquals(Demo.KNOWLEDGE.intents(), bundled.intents());
        assertEquals(Demo.KNOWLEDGE.forms(), bundled.forms());
        assertEquals(Demo.KNOWLEDGE.texts(), bundled.texts());
        assertEquals(Demo.KNOWLEDGE.model(), bundled.model());
    }

    @Test
    void theFormsIncludeTheLeaveMessageFormTheServerOpensAndTheTextsFileSetsEveryText() throws IOException {
        List<String> intents = Demo.KNOWLEDGE.forms().stream().map(FormDefinition::intent).toList();
        assertEquals(List.of("bill_query", "data_query", "fault_report", "card_loss", "leave_message"), intents);
        try (var in = Files.newInputStream(Demo.FOLDER.resolve(KnowledgeFolder.TEXTS))) {
            assertEquals(DialogueTexts.builtin().names(), DialogueTexts.parse(KnowledgeFolder.TEXTS, in).names(),
                    "every text the dialogue says is in one place for the content team");
        }
    }

    @Test
    void goldenQuestionsAreFreshWordingsOfExistingEntries() throws IOException {
        var phrasings = new HashSet<String>();
        knowledge.entries().forEach(e -> e.phrasings().forEach(p -> phrasings.add(key(p))));
        var ids = knowledge.byId().keySet();
        var problems = new ArrayList<String>();
        int outOfScope = 0;
        List<String> lines = Files.readAllLines(Demo.GOLDEN, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length != 2) problems.add("not two columns: " + line);
            else if (phrasings.contains(key(cells[0]))) problems.add("copies a knowledge-base phrasing: " + cells[0]);
            else if (cells[1].isEmpty()) outOfScope++;
            else if (!ids.contains(cells[1])) problems.add("unknown id " + cells[1]);
        }
        assertEquals(List.of(), problems);
        assertTrue(lines.size() - 1 - outOfScope >= 300, "at least 300 in-scope golden questions");
        assertTrue(outOfScope >= 30, "at least 30 out-of-scope golden questions");
    }
}
