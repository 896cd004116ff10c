package io.kefu.qa.retrieve;

import io.kefu.qa.Fixtures;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.FaqIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateRetrieverTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(Fixtures.lexicon());
    private static FaqIndex index;
    private final CandidateRetriever retriever = new CandidateRetriever(20);

    @BeforeAll
    static void build() {
        index = FaqIndex.build(Fixtures.knowledgeBase(), ANALYZER);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private List<Candidate> retrieve(String question) {
        return retriever.retrieve(index, ANALYZER.analyze(question));
    }

    @Test
    void retrievesBySimilarPhrasingEachEntryOnceBestFirst() {
        List<Candidate> candidates = retrieve("上个月账单在哪里看");
        assertEquals("bill", candidates.get(0).entry().id());
        var ids = new HashSet<String>();
        for (Candidate candidate : candidates) {
            assertTrue(ids.add(candidate.entry().id()), "one candidate per entry");
            List<FaqIndex.Hit> hits = candidate.hits();
            for (int i = 1; i < hits.size(); i++) assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
    }

    @Test
    void findsAHomophoneTypoThroughThePinyinOfUnseenBigrams() {
        List<Candidate> candidates = retrieve("款待报修");
        assertFalse(candidates.isEmpty());
        assertEquals("broadband-repair", candidates.get(0).entry().id());
    }

    @Test
    void commonGramsAloneStillFindSomethingAndNothingInCommonFindsNothing() {
        assertEquals(List.of(), retrieve("xyz"));
        assertFalse(retrieve("怎么").isEmpty(), "when nothing rarer is left, common grams are searched");
    }

    @Test
    void thePhrasingLimitBoundsWhatTheIndexReturns() {
        assertEquals(2, new CandidateRetriever(2).phrasings(index, ANALYZER.analyze("话费余额怎么查")).size());
    }
}
