package io.kefu.qa.retrieve;

import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.index.TermStatistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The BM25 query for a question: its concepts, its rare character bigrams (its unigrams only when it has no usable
 * bigram), and the pinyin of every character bigram the knowledge base has never seen, which is where a homophone
 * typo such as 花费 for 话费 or 款待 for 宽带 shows. Fewer, rarer clauses keep search fast: its time is spent
 * reading and scoring each clause's postings.
 */
final class CandidateQuery {

    /** How much each field counts in the query. */
    private static final float CONCEPT_BOOST = 1.0f;
    private static final float GRAM_BOOST = 0.5f;
    private static final float PINYIN_BOOST = 0.3f;
    /** A gram in more than one document in COMMON_SHARE is too common to search for. */
    private static final int COMMON_SHARE = 20;
    /** A pasted essay must not become a huge query. */
    private static final int MAX_TERMS_PER_FIELD = 64;

    private CandidateQuery() {
    }

    static List<FaqIndex.Clause> of(AnalyzedText question, FaqIndex index) {
        TermStatistics statistics = index.statistics();
        var clauses = new ArrayList<FaqIndex.Clause>();
        addTerms(clauses, index, FaqIndex.Field.CONCEPT, question.concepts(), CONCEPT_BOOST, statistics::conceptIdf, true);
        int before = clauses.size();
        addTerms(clauses, index, FaqIndex.Field.GRAM, bigramsOnly(question.grams()), GRAM_BOOST, statistics::gramIdf, true);
        if (clauses.size() == before) {
            addTerms(clauses, index, FaqIndex.Field.GRAM, question.grams(), GRAM_BOOST, statistics::gramIdf, true);
        }
        addTerms(clauses, index, FaqIndex.Field.PINYIN, pinyinOfUnseenBigrams(question, statistics), PINYIN_BOOST,
                statistics::pinyinIdf, false);
        return clauses;
    }

    private static List<String> pinyinOfUnseenBigrams(AnalyzedText question, TermStatistics statistics) {
        List<String> units = question.units();
        List<String> syllables = question.syllables();
        var out = new ArrayList<String>();
        double unseen = statistics.maxIdf();
        for (int i = 0; i + 1 < units.size(); i++) {
            if (units.get(i).equals(" ") || units.get(i + 1).equals(" ")) continue;
            if (statistics.gramIdf(units.get(i) + "_" + units.get(i + 1)) >= unseen) {
                out.add(syllables.get(i) + "_" + syllables.get(i + 1));
            }
        }
        return out;
    }

    /**
     * Adds the question's terms of one field, skipping terms no phrasing has. With {@code skipCommon}, grams that
     * occur in more than one document in {@link #COMMON_SHARE} (的, 么) are left out unless nothing rarer is
     * left: they add almost nothing to BM25 but make Lucene visit most documents.
     */
    private static void addTerms(List<FaqIndex.Clause> clauses, FaqIndex index, FaqIndex.Field field,
                                 Collection<String> terms, float boost, ToDoubleFunction<String> idf,
                                 boolean skipCommon) {
        TermStatistics statistics = index.statistics();
        double unseen = statistics.maxIdf();
        double commonIdf = skipCommon ? statistics.idfAtShare(1.0 / COMMON_SHARE) : 0;
        var rare = new ArrayList<String>();
        var common = new ArrayList<String>();
        for (String term : terms) {
            double weight = idf.applyAsDouble(term);
            if (weight >= unseen) continue;
            (weight < commonIdf ? common : rare).add(term);
        }
        List<String> chosen = rare.isEmpty() ? common : rare;
        int added = 0;
        for (String term : chosen) {
            if (added >= MAX_TERMS_PER_FIELD) break;
            FaqIndex.Clause clause = index.clause(field, term, boost);
            if (clause == null) continue;
            clauses.add(clause);
            added++;
        }
    }

    private static List<String> bigramsOnly(Collection<String> grams) {
        return grams.stream().filter(g -> g.indexOf('_') >= 0).toList();
    }
}
