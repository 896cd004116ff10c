package io.kefu.knowledge;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.Lexicon;
import io.kefu.qa.knowledge.KnowledgeFiles;
import io.kefu.qa.knowledge.LexiconFiles;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps the bundled content consistent, the way a message-bundle test keeps translations in sync. */
class ContentCheckTest {

    static final Path KNOWLEDGE = Path.of("src", "main", "resources", "knowledge");
    static final Path GOLDEN = Path.of("golden", "questions.tsv");

    private final KnowledgeBase knowledge = KnowledgeFiles.fromDirectory(KNOWLEDGE);

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
        Lexicon lexicon = LexiconFiles.fromDirectory(KNOWLEDGE);
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
    void theShippedRankingModelLoads() {
        RankingModel model = RankingModel.load(KNOWLEDGE.resolve("ranker-model.json"));
        assertTrue(model.thresholds().answer() > 0);
    }

    @Test
    void goldenQuestionsAreFreshWordingsOfExistingEntries() throws IOException {
        var phrasings = new HashSet<String>();
        knowledge.entries().forEach(e -> e.phrasings().forEach(p -> phrasings.add(key(p))));
        var ids = knowledge.byId().keySet();
        var problems = new ArrayList<String>();
        int outOfScope = 0;
        List<String> lines = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
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
