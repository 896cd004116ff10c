package io.kefu.qa.index;

import io.kefu.qa.Fixtures;
import io.kefu.qa.expand.TextAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaqIndexTest {

    private final TextAnalyzer analyzer = new TextAnalyzer(Fixtures.lexicon());

    @Test
    void indexesEveryPhrasingAndRetrievesBySimilarPhrasing() {
        try (FaqIndex index = FaqIndex.build(Fixtures.knowledgeBase(), analyzer)) {
            assertEquals(Fixtures.knowledgeBase().entries().stream().mapToInt(e -> e.phrasings().size()).sum(), index.size());
            List<FaqIndex.Hit> hits = index.search(analyzer.analyze("上个月账单在哪里看"), 5);
            assertEquals("bill", hits.get(0).phrasing().entry().id());
            assertTrue(hits.get(0).score() >= hits.get(hits.size() - 1).score());
        }
    }

    @Test
    void findsAHomophoneTypoThroughPinyin() {
        try (FaqIndex index = FaqIndex.build(Fixtures.knowledgeBase(), analyzer)) {
            List<FaqIndex.Hit> hits = index.search(analyzer.analyze("款待报修"), 3);
            assertFalse(hits.isEmpty());
            assertEquals("broadband-repair", hits.get(0).phrasing().entry().id());
        }
    }

    @Test
    void nothingInCommonRetrievesNothing() {
        try (FaqIndex index = FaqIndex.build(Fixtures.knowledgeBase(), analyzer)) {
            assertEquals(List.of(), index.search(analyzer.analyze("xyz"), 5));
        }
    }

    @Test
    void aClosedSnapshotRefusesNewSearches() {
        FaqIndex index = FaqIndex.build(Fixtures.knowledgeBase(), analyzer);
        assertTrue(index.tryAcquire());
        index.close();
        assertFalse(index.search(analyzer.analyze("话费"), 1).isEmpty(), "a search holding a reference still works");
        index.release();
        assertFalse(index.tryAcquire());
        assertThrows(IllegalStateException.class, () -> index.search(analyzer.analyze("话费"), 1));
    }
}
