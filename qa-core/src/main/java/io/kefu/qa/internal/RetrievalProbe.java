package io.kefu.qa.internal;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.Lexicon;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.HomophoneCorrector;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.rank.PairFeatures;
import io.kefu.qa.retrieve.CandidateRetriever;

import java.util.ArrayList;
import java.util.List;

/**
 * What retrieval hands the ranker for a question, each phrasing with the ranker's features: the ranking examples
 * the trainer learns from. Holds an index of its own; close it.
 */
public final class RetrievalProbe implements AutoCloseable {

    private final TextAnalyzer analyzer;
    private final FaqIndex index;
    private final HomophoneCorrector homophones;

    private RetrievalProbe(TextAnalyzer analyzer, FaqIndex index) {
        this.analyzer = analyzer;
        this.index = index;
        this.homophones = HomophoneCorrector.of(index.statistics().conceptsByFrequency());
    }

    public static RetrievalProbe build(KnowledgeBase knowledge, Lexicon lexicon) {
        var analyzer = new TextAnalyzer(lexicon);
        return new RetrievalProbe(analyzer, FaqIndex.build(knowledge, analyzer));
    }

    /**
     * One retrieved phrasing.
     *
     * @param entryId  the standard question it belongs to
     * @param sameText whether it analyses to the very text of the question (the question found itself)
     * @param features the ranker's features of the phrasing for the question
     * @param text     the phrasing as written
     */
    public record Retrieved(String entryId, boolean sameText, double[] features, String text) {
    }

    /**
     * The {@code depth} phrasings retrieval finds best for a question, best first.
     *
     * @param correctHomophones whether words the knowledge base has never seen are first replaced by its words that
     *                          sound the same, as the bot does
     */
    public List<Retrieved> retrieve(String question, int depth, boolean correctHomophones) {
        AnalyzedText analyzed = analyzer.analyze(question);
        if (correctHomophones) analyzed = homophones.correct(analyzed);
        var out = new ArrayList<Retrieved>();
        for (FaqIndex.Hit hit : new CandidateRetriever(depth).phrasings(index, analyzed)) {
            AnalyzedText phrasing = hit.phrasing().analyzed();
            out.add(new Retrieved(hit.phrasing().entry().id(), phrasing.text().equals(analyzed.text()),
                    PairFeatures.between(analyzed, phrasing, index.statistics()), hit.phrasing().text()));
        }
        return out;
    }

    @Override
    public void close() {
        index.close();
    }
}
