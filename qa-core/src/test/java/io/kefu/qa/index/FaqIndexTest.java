package io.kefu.qa.index;

import io.kefu.qa.Fixtures;
import io.kefu.qa.expand.TextAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaqIndexTest {

    private final TextAnalyzer analyzer = new TextAnalyzer(Fixtures.lexicon());

    @Test
    void indexesEveryPhrasingAndNumbersTheWholeEntryTextsAfterThem() {
        try (FaqIndex index = FaqIndex.build(Fixtures.knowledgeBase(), analyzer)) {
            assertEquals(Fixtures.knowledgeBase().entries().stream().mapToInt(e -> e.phrasings().size()).sum(), index.size());
            for (int i = 0; i < index.texts().size(); i++) assertEquals(i, index.texts().get(i).ordinal());
            IndexedPhrasing whole = index.wholeEntry("balance").orElseThrow();
            assertTrue(whole.ordinal() >= index.size(), "whole-entry texts follow the phrasings");
            assertEquals(4, index.phrasingsOf("balance").size());
        }
    }

    @Test
    void aClauseIsLookedUpOnceAndATermNoPhrasingHasMakesNone() {
        try (FaqIndex index = FaqIndex.build(Fixtures.knowledgeBase(), analyzer)) {
            FaqIndex.Clause clause = index.clause(FaqIndex.Field.CONCEPT, "话费", 1f);
            assertNotNull(clause);
            assertSame(clause, index.clause(FaqIndex.Field.CONCEPT, "话费", 1f));
            assertEquals(0.5f, index.clause(FaqIndex.Field.CONCEPT, "话费", 0.5f).boost(), "another boost, another clause");
            assertNull(index.clause(FaqIndex.Field.CONCEPT, "xyz", 1f));
            List<FaqIndex.Hit> hits = index.search(List.of(clause), 3);
            assertFalse(hits.isEmpty());
            assertTrue(hits.get(0).phrasing().analyzed().concepts().contains("话费"));
        }
    }

    @Test
    void aClosedSnapshotRefusesNewSearches() {
        FaqIndex index = FaqIndex.build(Fixtures.knowledgeBase(), analyzer);
        List<FaqIndex.Clause> query = List.of(index.clause(FaqIndex.Field.CONCEPT, "话费", 1f));
        assertTrue(index.tryAcquire());
        index.close();
        assertFalse(index.search(query, 1).isEmpty(), "a search holding a reference still works");
        index.release();
        assertFalse(index.tryAcquire());
        assertThrows(IllegalStateException.class, () -> index.search(query, 1));
    }
}
