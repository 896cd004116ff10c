package io.kefu.qa.index;

import io.kefu.qa.expand.AnalyzedText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Inverse document frequencies of concepts and character grams over a collection of texts, for the ranker's
 * weighted-overlap features. A document is one standard question with all its phrasings, so a word repeated in
 * twenty similar phrasings of one entry is not mistaken for a common word.
 */
public final class TermStatistics {

    private final int documents;
    private final Map<String, Float> conceptIdf;
    private final Map<String, Float> gramIdf;
    private final Map<String, Float> pinyinIdf;
    private final float unseenIdf;
    private final TermIds termIds;

    private TermStatistics(int documents, Map<String, Float> conceptIdf, Map<String, Float> gramIdf,
                           Map<String, Float> pinyinIdf, TermIds termIds) {
        this.documents = documents;
        this.termIds = termIds;
        this.conceptIdf = conceptIdf;
        this.gramIdf = gramIdf;
        this.pinyinIdf = pinyinIdf;
        this.unseenIdf = idf(documents, 0);
    }

    /** @param documents each inner collection is the analysed phrasings of one document */
    public static TermStatistics of(Collection<? extends Collection<AnalyzedText>> documents) {
        return of(documents, List.of());
    }

    /**
     * @param documents each inner collection is the analysed phrasings of one document
     * @param alsoHeld  further texts the index holds (an entry's phrasings read as one text): their terms get
     *                  {@link #termId numbers} but do not count as documents
     */
    static TermStatistics of(Collection<? extends Collection<AnalyzedText>> documents,
                             Collection<AnalyzedText> alsoHeld) {
        var conceptDf = new HashMap<String, Integer>();
        var gramDf = new HashMap<String, Integer>();
        var pinyinDf = new HashMap<String, Integer>();
        for (Collection<AnalyzedText> document : documents) {
            count(document, AnalyzedText::concepts, conceptDf);
            count(document, AnalyzedText::grams, gramDf);
            count(document, AnalyzedText::pinyin, pinyinDf);
        }
        int n = Math.max(1, documents.size());
        var held = new ArrayList<AnalyzedText>(alsoHeld);
        documents.forEach(held::addAll);
        return new TermStatistics(n, toIdf(n, conceptDf), toIdf(n, gramDf), toIdf(n, pinyinDf), TermIds.of(held));
    }

    private static void count(Collection<AnalyzedText> document, Function<AnalyzedText, Collection<String>> terms,
                              Map<String, Integer> df) {
        Set<String> distinct = new HashSet<>();
        for (AnalyzedText text : document) distinct.addAll(terms.apply(text));
        for (String term : distinct) df.merge(term, 1, Integer::sum);
    }

    private static Map<String, Float> toIdf(int n, Map<String, Integer> df) {
        var idf = new HashMap<String, Float>(df.size() * 2);
        df.forEach((term, count) -> idf.put(term, idf(n, count)));
        return idf;
    }

    /** BM25's idf: never negative, highest for terms no document has. */
    private static float idf(int n, int df) {
        return (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    public float conceptIdf(String concept) {
        return conceptIdf.getOrDefault(concept, unseenIdf);
    }

    public float gramIdf(String gram) {
        return gramIdf.getOrDefault(gram, unseenIdf);
    }

    /**
     * The number of a term of any kind that the collection's texts contain, or a negative number for a term they do
     * not: two terms with the same non-negative number are the same term.
     */
    public int termId(String term) {
        return termIds.find(term);
    }

    /** Every concept of the collection, most frequent (lowest idf) first. */
    public List<String> conceptsByFrequency() {
        return conceptIdf.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    public float pinyinIdf(String syllables) {
        return pinyinIdf.getOrDefault(syllables, unseenIdf);
    }

    /** The idf of a term found in {@code share} of all documents, e.g. 0.05 for one in twenty. */
    public float idfAtShare(double share) {
        return idf(documents, (int) Math.round(documents * share));
    }

    /** The idf of a term no document contains: the ceiling that idf-based features are scaled by. */
    public float maxIdf() {
        return unseenIdf;
    }

}
